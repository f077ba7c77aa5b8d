"""Merge suggestions (same email, same handle, similar names), merge, reject, unmerge.

A merge never deletes anything: the absorbed person stays, marked `merged_into`, and a
MergeRecord lists the identities and the forum account that moved, so an unmerge puts
exactly those back.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.engagement.matching import fold, name_similarity, normalise_handle
from belvedere.engagement.models import (
    Identity,
    MergeRecord,
    MergeSuggestion,
    Person,
    SuggestionReason,
    SuggestionStatus,
)

EMAIL_CONFIDENCE = 0.95
HANDLE_CONFIDENCE = 0.75
NAME_THRESHOLD = 0.88  # SequenceMatcher ratio of the folded, sorted names
MIN_HANDLE = 4
MIN_NAME = 6


@dataclass
class Traits:
    has_user: bool = False
    emails: set = field(default_factory=set)
    handles: dict = field(default_factory=dict)  # normalised handle -> set of platforms
    names: set = field(default_factory=set)


def _traits() -> dict[int, Traits]:
    people: dict[int, Traits] = defaultdict(Traits)
    rows = Person.objects.filter(merged_into__isnull=True, is_team=False)
    for pk, name, user_id, email, user_name in rows.values_list(
        "pk", "display_name", "user_id", "user__email", "user__display_name"
    ):
        traits = people[pk]
        traits.names.add(name)
        if user_id:
            traits.has_user = True
            traits.emails.add(email.lower())
            traits.handles.setdefault(normalise_handle(user_name), set()).add("forum")
    identities = Identity.objects.filter(person_id__in=list(people)).values_list(
        "person_id", "platform", "handle", "display_name", "email"
    )
    for pk, platform, handle, name, email in identities:
        traits = people[pk]
        if email:
            traits.emails.add(email.lower())
        traits.handles.setdefault(normalise_handle(handle), set()).add(platform)
        if name:
            traits.names.add(name)
    return people


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _by_key(people: dict[int, Traits], keys) -> dict:
    index = defaultdict(set)
    for pk, traits in people.items():
        for key in keys(traits):
            index[key].add(pk)
    return index


def _candidates(people: dict[int, Traits]) -> dict[tuple[int, int], tuple[str, float, str]]:
    """Pairs to suggest, strongest reasons first. People already linked through earlier
    pairs are not paired again (a spanning forest): a group of n gets n - 1 suggestions."""
    found: dict[tuple[int, int], tuple[str, float, str]] = {}
    parent: dict[int, int] = {}

    def root(pk):
        while parent.get(pk, pk) != pk:
            pk = parent[pk] = parent.get(parent[pk], parent[pk])
        return pk

    def offer(a, b, reason, confidence, detail):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
            found[_pair(a, b)] = (reason, confidence, detail)

    def star(pks):
        """Each member of a group pairs with one anchor (a member account first, else the
        oldest): n - 1 suggestions for a group of n, not n²."""
        ordered = sorted(pks, key=lambda pk: (not people[pk].has_user, pk))
        return [(ordered[0], other) for other in ordered[1:]]

    for email, pks in _by_key(people, lambda t: t.emails).items():
        for a, b in star(pks):
            offer(a, b, SuggestionReason.EMAIL, EMAIL_CONFIDENCE, email)
    handles = _by_key(people, lambda t: [h for h in t.handles if len(h) >= MIN_HANDLE])
    for handle, pks in handles.items():
        for a, b in star(pks):
            if people[a].handles[handle] != people[b].handles[handle]:
                offer(a, b, SuggestionReason.HANDLE, HANDLE_CONFIDENCE, handle)
    _similar_names(people, offer)
    return found


def _similar_names(people: dict[int, Traits], offer) -> None:
    """Names compared within blocks sharing their first three folded letters."""
    blocks = _by_key(people, lambda t: {fold(n)[:3] for n in t.names if len(fold(n)) >= MIN_NAME})
    for pks in blocks.values():
        ordered = sorted(pks)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                ratio = max(name_similarity(x, y) for x in people[a].names for y in people[b].names)
                if ratio >= NAME_THRESHOLD:
                    offer(a, b, SuggestionReason.NAME, round(ratio * 0.7, 2), "")


@transaction.atomic
def suggest_merges() -> int:
    """Add pending suggestions for pairs never suggested; returns how many were added."""
    people = _traits()
    seen = {_pair(a, b) for a, b in MergeSuggestion.objects.values_list("person_id", "other_id")}
    new = [
        MergeSuggestion(person_id=a, other_id=b, reason=r, confidence=c, detail=d[:300])
        for (a, b), (r, c, d) in _candidates(people).items()
        if (a, b) not in seen and not (people[a].has_user and people[b].has_user)
    ]
    MergeSuggestion.objects.bulk_create(new, batch_size=500)
    return len(new)


def _locked(*pks: int) -> list[Person]:
    people = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=pks)}
    return [people[pk] for pk in pks]


@transaction.atomic
def merge_people(kept: Person, absorbed: Person, *, actor, reason: str = "") -> MergeRecord:
    """Move `absorbed`'s identities (and forum account, if `kept` has none) to `kept`."""
    kept, absorbed = _locked(kept.pk, absorbed.pk)
    if kept.pk == absorbed.pk or kept.merged_into_id or absorbed.merged_into_id:
        raise ValidationError(_("These two people cannot be merged."), code="invalid_merge")
    if kept.user_id and absorbed.user_id:
        raise ValidationError(
            _("Both people have a forum account; one person has one account."), code="two_users"
        )
    identity_ids = list(absorbed.identities.values_list("pk", flat=True))
    Identity.objects.filter(pk__in=identity_ids).update(person=kept)
    moved_user = absorbed.user_id
    if moved_user:
        absorbed.user = None
        absorbed.save(update_fields=["user"])
        kept.user_id = moved_user
        kept.save(update_fields=["user"])
    absorbed.merged_into = kept
    absorbed.save(update_fields=["merged_into"])
    merge = MergeRecord.objects.create(
        kept=kept,
        absorbed=absorbed,
        identity_ids=identity_ids,
        moved_user_id=moved_user,
        reason=reason[:300],
        merged_by=actor,
    )
    record(
        actor,
        "engagement.person.merge",
        kept,
        reason=reason,
        staff=True,
        absorbed=absorbed.pk,
        identities=identity_ids,
        user=moved_user,
    )
    return merge


@transaction.atomic
def unmerge(merge: MergeRecord, *, actor, reason: str = "") -> Person:
    """Put back on the absorbed person exactly what the merge moved."""
    merge = MergeRecord.objects.select_for_update().get(pk=merge.pk)
    kept, absorbed = _locked(merge.kept_id, merge.absorbed_id)
    held = set(
        Identity.objects.filter(pk__in=merge.identity_ids, person=kept).values_list("pk", flat=True)
    )
    if merge.undone_at or absorbed.merged_into_id != kept.pk or held != set(merge.identity_ids):
        raise ValidationError(
            _("Undo the later merges of this person first."), code="unmerge_blocked"
        )
    if merge.moved_user_id and kept.user_id != merge.moved_user_id:
        raise ValidationError(_("The forum account has moved since."), code="unmerge_blocked")
    Identity.objects.filter(pk__in=merge.identity_ids).update(person=absorbed)
    if merge.moved_user_id:
        kept.user = None
        kept.save(update_fields=["user"])
        absorbed.user_id = merge.moved_user_id
    absorbed.merged_into = None
    absorbed.save(update_fields=["user", "merged_into"])
    merge.undone_at, merge.undone_by = timezone.now(), actor
    merge.save(update_fields=["undone_at", "undone_by"])
    record(
        actor,
        "engagement.person.unmerge",
        kept,
        reason=reason,
        staff=True,
        absorbed=absorbed.pk,
        identities=merge.identity_ids,
    )
    return absorbed


def _decide(suggestion: MergeSuggestion, status: str, actor) -> None:
    suggestion.status, suggestion.decided_by = status, actor
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])


@transaction.atomic
def accept_suggestion(suggestion: MergeSuggestion, *, actor) -> MergeRecord:
    """Merge the pair; the person with a forum account (else the older one) is kept."""
    suggestion = MergeSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("This suggestion was already decided."), code="decided")
    first, second = suggestion.person, suggestion.other
    kept, absorbed = (second, first) if second.user_id and not first.user_id else (first, second)
    merge = merge_people(kept, absorbed, actor=actor, reason=suggestion.get_reason_display())
    _decide(suggestion, SuggestionStatus.ACCEPTED, actor)
    return merge


@transaction.atomic
def reject_suggestion(suggestion: MergeSuggestion, *, actor) -> bool:
    suggestion = MergeSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PENDING:
        return False
    _decide(suggestion, SuggestionStatus.REJECTED, actor)
    record(
        actor,
        "engagement.suggestion.reject",
        suggestion.person,
        staff=True,
        other=suggestion.other_id,
        reason_kind=suggestion.reason,
    )
    return True
