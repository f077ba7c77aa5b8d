"""Writes on the census: communities, and accepting or dismissing suggestions."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.listening.models import CensusScoring, Community, DismissedSuggestion

EDITABLE = (
    "name",
    "kind",
    "url",
    "match_platform",
    "match_key",
    "size",
    "size_source",
    "size_date",
    "relevance",
    "owner",
    "notes",
)


@transaction.atomic
def create_community(*, actor, **fields) -> Community:
    now = timezone.now()
    values = {name: value for name, value in fields.items() if name in EDITABLE}
    community = Community.objects.create(**values, created_at=now, updated_at=now)
    record(actor, "listening.community_created", community, staff=True, kind=community.kind)
    return community


@transaction.atomic
def update_community(community: Community, *, actor, **changes) -> Community:
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(community, n) != v]
    if not changed:
        return community
    for name in changed:
        setattr(community, name, changes[name])
    community.updated_at = timezone.now()
    fields = ["owner_id" if n == "owner" else n for n in changed]
    community.save(update_fields=[*fields, "updated_at"])
    record(actor, "listening.community_updated", community, staff=True, fields=sorted(changed))
    return community


@transaction.atomic
def delete_community(community: Community, *, actor) -> None:
    record(actor, "listening.community_deleted", community, staff=True, name=community.name)
    community.delete()


def accept_suggestion(*, actor, platform: str, key: str, kind: str, url: str = "") -> Community:
    """The suggested place becomes a community of the register (relevance 3, to be set)."""
    return create_community(
        actor=actor,
        name=key[:120],
        kind=kind,
        url=url,
        match_platform=platform,
        match_key=key.lower(),
        owner=actor,
    )


def dismiss_suggestion(*, actor, platform: str, key: str) -> DismissedSuggestion | None:
    """Remember not to suggest this place again (None if it already was dismissed)."""
    try:
        with transaction.atomic():
            dismissed = DismissedSuggestion.objects.create(
                platform=platform[:20], key=key.lower()[:200], dismissed_by=actor
            )
            record(actor, "listening.suggestion_dismissed", None, staff=True, place=key)
    except IntegrityError:
        return None
    return dismissed


SCORING_FIELDS = (
    "activity_days", "activity_weight", "sentiment_weight", "suggestion_days",
    "suggestion_minimum",
)  # fmt: skip


@transaction.atomic
def update_scoring(*, actor, **changes) -> CensusScoring:
    """Change the census's scoring constants (the one row is made on the first change)."""
    scoring = CensusScoring.objects.select_for_update().order_by("pk").first() or CensusScoring()
    changed = [n for n, v in changes.items() if n in SCORING_FIELDS and getattr(scoring, n) != v]
    for name in changed:
        setattr(scoring, name, changes[name])
    if changed or scoring.pk is None:
        scoring.updated_at = timezone.now()
        scoring.save()
    values = {name: getattr(scoring, name) for name in changed}
    record(actor, "listening.census_scoring_updated", scoring, staff=True, **values)
    return scoring


def reset_scoring(*, actor) -> CensusScoring:
    """Back to the defaults."""
    fields = CensusScoring._meta.fields
    return update_scoring(actor=actor, **{f.name: f.get_default() for f in fields})
