"""Engagement scores and levels.

    score = Σ over activities a of  w(kind of a) · 0.5 ^ (age_days(a) / half_life_days)

Each activity weighs its kind's weight on the day it happens and half as much every
half-life after (Orbit's "love" with gravity, crowd.dev's decaying activity score). Levels
are thresholds on the score. Team members (moderators and above) are left out. `reach` is
the largest audience seen on the person's mentions, as in Orbit's "reach".
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.activity.services import record
from belvedere.engagement.models import (
    Application,
    ApplicationStatus,
    Identity,
    Level,
    Person,
    Registration,
    ScoringSettings,
)
from belvedere.engagement.permissions import is_team
from belvedere.listening.models import Mention

VERB_WEIGHTS = {
    "forum.topic.create": "weight_topic",
    "forum.post.create": "weight_post",
    "forum.reaction.add": "weight_reaction",
}
HORIZON_HALF_LIVES = 12  # older activities weigh less than 0.03 % of their weight: skipped


def decay(age_days: float, half_life: float) -> float:
    return 0.5 ** (max(age_days, 0.0) / half_life)


def level_for(score: float, rules: ScoringSettings) -> str:
    if score >= rules.champion_at:
        return Level.CHAMPION
    if score >= rules.contributor_at:
        return Level.CONTRIBUTOR
    if score >= rules.participant_at:
        return Level.PARTICIPANT
    return Level.OBSERVER


def current_settings() -> ScoringSettings:
    return ScoringSettings.objects.order_by("pk").first() or ScoringSettings()


def _member_activities(by_user: dict[int, int], since: datetime, until: datetime | None = None):
    """(person id, weight field, when) for the forum ledger, events and programmes."""
    until = until or timezone.now() + timedelta(days=1)
    entries = Entry.objects.filter(
        actor_id__in=list(by_user), verb__in=list(VERB_WEIGHTS),
        created_at__gte=since, created_at__lte=until,
    ).values_list("actor_id", "verb", "created_at")  # fmt: skip
    for user_id, verb, when in entries.iterator(chunk_size=2000):
        yield by_user[user_id], VERB_WEIGHTS[verb], when
    attended = Registration.objects.filter(
        user_id__in=list(by_user), checked_in_at__gte=since, checked_in_at__lte=until
    ).values_list("user_id", "checked_in_at")
    for user_id, when in attended:
        yield by_user[user_id], "weight_event", when
    joined = Application.objects.filter(
        user_id__in=list(by_user),
        status=ApplicationStatus.SELECTED,
        decided_at__gte=since,
        decided_at__lte=until,
    ).values_list("user_id", "decided_at")
    for user_id, when in joined:
        yield by_user[user_id], "weight_programme", when


def _mention_activities(people: dict[int, Person], since: datetime, stats: dict, until=None):
    by_identity = {
        (platform, handle): pk
        for pk, platform, handle in Identity.objects.filter(person_id__in=list(people)).values_list(
            "person_id", "platform", "handle"
        )
    }
    handles = sorted({handle for _, handle in by_identity})
    for start in range(0, len(handles), 500):
        rows = Mention.objects.filter(
            Q(author_handle__in=handles[start : start + 500]),
            published_at__gte=since,
            published_at__lte=until or timezone.now() + timedelta(days=1),
        ).values_list("platform", "author_handle", "sentiment", "published_at", "reach")
        for platform, handle, sentiment, when, reach in rows.iterator(chunk_size=2000):
            pk = by_identity.get((platform, handle))
            if pk is None:
                continue
            stats[pk]["reach"] = max(stats[pk]["reach"], reach or 0)
            stats[pk][sentiment] = stats[pk].get(sentiment, 0) + 1
            kind = "weight_positive_mention" if sentiment == "positive" else "weight_mention"
            yield pk, kind, when


@transaction.atomic
def recompute_scores(now: datetime | None = None) -> int:
    """Score and level every person (team members get 0 and stay out); returns the count."""
    now = now or timezone.now()
    rules = current_settings()
    since = now - timedelta(days=rules.half_life_days * HORIZON_HALF_LIVES)
    people = {
        p.pk: p for p in Person.objects.filter(merged_into__isnull=True).select_related("user")
    }
    for person in people.values():
        person.is_team = person.user is not None and is_team(person.user)
    scorable = {pk: p for pk, p in people.items() if not p.is_team}
    by_user = {p.user_id: pk for pk, p in scorable.items() if p.user_id}
    scores: dict[int, float] = defaultdict(float)
    stats: dict[int, dict] = defaultdict(lambda: {"reach": 0})
    for source in (_member_activities(by_user, since), _mention_activities(scorable, since, stats)):
        for pk, kind, when in source:
            age = (now - when).total_seconds() / 86400
            scores[pk] += getattr(rules, kind) * decay(age, rules.half_life_days)
    for pk, person in people.items():
        person.score = 0.0 if person.is_team else round(scores[pk], 2)
        person.level = level_for(person.score, rules)
        person.reach = stats[pk]["reach"]
        person.positive_mentions = stats[pk].get("positive", 0)
        person.negative_mentions = stats[pk].get("negative", 0)
        person.scored_at = now
    fields = [
        "is_team",
        "score",
        "level",
        "reach",
        "positive_mentions",
        "negative_mentions",
        "scored_at",
    ]
    Person.objects.bulk_update(people.values(), fields, batch_size=500)
    return len(people)


def level_history(points: list[datetime]) -> list[dict[str, int]]:
    """People at each level at each of `points`, recomputed from the dated activities with
    today's weights, thresholds and team (levels over time; nothing is written). A person
    counts from their sign-up (or when they were first seen), or earlier if they already had
    a score."""
    if not points:
        return []
    rules = current_settings()
    horizon = timedelta(days=rules.half_life_days * HORIZON_HALF_LIVES)
    people = Person.objects.filter(merged_into__isnull=True).select_related("user")
    scorable = {p.pk: p for p in people if not (p.user is not None and is_team(p.user))}
    by_user = {p.user_id: pk for pk, p in scorable.items() if p.user_id}
    scores = [defaultdict(float) for _ in points]
    since, until = min(points) - horizon, max(points)
    stats = defaultdict(lambda: {"reach": 0})
    for source in (_member_activities(by_user, since, until),
                   _mention_activities(scorable, since, stats, until)):  # fmt: skip
        for pk, kind, when in source:
            for i, point in enumerate(points):
                if when <= point and point - when < horizon:
                    age = (point - when).total_seconds() / 86400
                    scores[i][pk] += getattr(rules, kind) * decay(age, rules.half_life_days)
    rows = []
    for i, point in enumerate(points):
        counts = dict.fromkeys(Level.values, 0)
        for pk, person in scorable.items():
            first = person.user.date_joined if person.user else person.created_at
            if first <= point or scores[i].get(pk):
                counts[level_for(round(scores[i][pk], 2), rules)] += 1
        rows.append(counts)
    return rows


@transaction.atomic
def update_scoring_settings(*, actor, **values) -> ScoringSettings:
    rules = current_settings()
    changed = [name for name, value in values.items() if getattr(rules, name) != value]
    for name in changed:
        setattr(rules, name, values[name])
    rules.updated_at = timezone.now()
    rules.save()
    if changed:
        record(actor, "engagement.scoring.update", rules, staff=True, fields=changed)
    return rules
