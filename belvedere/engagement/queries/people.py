"""Reads on people: lists, the access gateway, the 360° timeline, suggestions and merges."""

from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.decorators import check
from belvedere.activity.models import Entry
from belvedere.engagement.models import (
    Application,
    Identity,
    Level,
    MergeRecord,
    MergeSuggestion,
    Person,
    Registration,
    SuggestionStatus,
)
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.listening.models import Mention

TIMELINE_LIMIT = 100
FORUM_VERBS = {
    "forum.topic.create": _("started a topic"),
    "forum.post.create": _("replied"),
    "forum.reaction.add": _("reacted to a post"),
}


def list_people(*, q: str = "", level: str = "", team: bool = False) -> QuerySet[Person]:
    people = Person.objects.filter(merged_into__isnull=True, is_team=team).select_related("user")
    if q:
        people = people.filter(
            Q(display_name__icontains=q)
            | Q(user__email__icontains=q)
            | Q(identities__handle__icontains=q)
        ).distinct()
    if level:
        people = people.filter(level=level)
    return people.prefetch_related(Prefetch("identities", queryset=Identity.objects.order_by()))


def level_counts() -> list[tuple[str, str, int]]:
    """(level, its name, people at it), from observer to champion; the team left out."""
    people = Person.objects.filter(merged_into__isnull=True, is_team=False).order_by()
    counts = dict(people.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
    return [(level.value, level.label, counts.get(level.value, 0)) for level in Level]


def get_person_for_user(user, person_id: int) -> Person:
    check(can_manage_engagement(user))
    return get_object_or_404(
        Person.objects.select_related("user", "merged_into").prefetch_related("identities"),
        pk=person_id,
    )


def person_for_member(user) -> Person | None:
    return Person.objects.filter(user=user).first() if user.is_authenticated else None


@dataclass
class Moment:
    when: datetime
    kind: str
    label: str
    detail: str = ""
    url: str = ""
    sentiment: str = ""


def _forum_moments(person: Person) -> list[Moment]:
    if not person.user_id:
        return []
    entries = Entry.objects.filter(actor_id=person.user_id, verb__in=list(FORUM_VERBS))
    moments = []
    for entry in entries[:TIMELINE_LIMIT]:
        url = ""
        if entry.target_id.isdigit():
            name = "forum:topic" if entry.target_type == "forum.topic" else "forum:post"
            url = reverse(name, args=[int(entry.target_id)])
        detail = entry.metadata.get("kind", "") if entry.verb == "forum.reaction.add" else ""
        label = str(FORUM_VERBS[entry.verb])
        moments.append(Moment(entry.created_at, "forum", label, entry.target_repr or detail, url))
    return moments


def mentions_of(person: Person) -> QuerySet[Mention]:
    pairs = [Q(platform=i.platform, author_handle=i.handle) for i in person.identities.all()]
    if not pairs:
        return Mention.objects.none()
    return Mention.objects.filter(reduce(or_, pairs)).order_by("-published_at")


def _mention_moments(person: Person) -> list[Moment]:
    return [
        Moment(
            m.published_at,
            "mention",
            str(_("mentioned the brand on %(p)s") % {"p": m.platform}),
            (m.title or m.text)[:160],
            m.url,
            m.sentiment,
        )
        for m in mentions_of(person)[:TIMELINE_LIMIT]
    ]


def _event_moments(person: Person) -> list[Moment]:
    if not person.user_id:
        return []
    rows = Registration.objects.filter(user_id=person.user_id).select_related("event")
    return [
        Moment(
            r.event.starts_at,
            "event",
            str(_("attended") if r.checked_in_at else r.get_status_display()),
            r.event.title,
            reverse("engagement:event", args=[r.event_id]),
        )
        for r in rows[:TIMELINE_LIMIT]
    ]


def _programme_moments(person: Person) -> list[Moment]:
    if not person.user_id:
        return []
    rows = Application.objects.filter(user_id=person.user_id).select_related("programme")
    return [
        Moment(
            a.decided_at or a.created_at,
            "programme",
            str(a.get_status_display()),
            a.programme.title,
            reverse("engagement:programme", args=[a.programme_id]),
        )
        for a in rows[:TIMELINE_LIMIT]
    ]


def timeline(person: Person) -> list[Moment]:
    """Everything the person did, newest first: forum, brand mentions, events, programmes."""
    moments = [
        *_forum_moments(person),
        *_mention_moments(person),
        *_event_moments(person),
        *_programme_moments(person),
    ]
    return sorted(moments, key=lambda m: m.when, reverse=True)[:TIMELINE_LIMIT]


def list_suggestions(status: str = SuggestionStatus.PENDING) -> QuerySet[MergeSuggestion]:
    return (
        MergeSuggestion.objects.filter(status=status)
        .filter(person__merged_into__isnull=True, other__merged_into__isnull=True)
        .select_related("person__user", "other__user")
        .prefetch_related("person__identities", "other__identities")
    )


def get_suggestion_for_user(user, suggestion_id: int) -> MergeSuggestion:
    check(can_manage_engagement(user))
    return get_object_or_404(
        MergeSuggestion.objects.select_related("person", "other"), pk=suggestion_id
    )


def list_merges(person: Person | None = None) -> QuerySet[MergeRecord]:
    merges = MergeRecord.objects.select_related("kept", "absorbed", "merged_by", "undone_by")
    if person is not None:
        merges = merges.filter(Q(kept=person) | Q(absorbed=person))
    return merges


def get_merge_for_user(user, merge_id: int) -> MergeRecord:
    check(can_manage_engagement(user))
    return get_object_or_404(MergeRecord, pk=merge_id)


def attachments(person: Person) -> dict:
    """What is attached to a person (for comparisons before and after merges)."""
    return {
        "user": person.user_id,
        "identities": sorted(person.identities.values_list("pk", flat=True)),
        "merged_into": person.merged_into_id,
    }
