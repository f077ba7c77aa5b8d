"""Reads of moderation, with the access gateways that raise 404/403."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404

from belvedere.moderation.models import (
    Appeal,
    AppealStatus,
    Flag,
    ItemStatus,
    ModeratorNote,
    QueueItem,
    Sanction,
    WatchedWord,
)
from belvedere.moderation.permissions import can_moderate
from belvedere.moderation.standing import get_standing

KINDS = ("held", "flagged", "first_post", "review")


def list_queue(*, status: str = ItemStatus.OPEN, kind: str = "", member_id=None):
    """Queue items, highest score first, with what the queue shows (no N+1)."""
    items = QueueItem.objects.select_related("author", "claimed_by", "resolved_by", "content_type")
    items = items.prefetch_related(Prefetch("flags", queryset=Flag.objects.order_by("created_at")))
    if status in ItemStatus.values:
        items = items.filter(status=status)
    if kind == "held":
        items = items.filter(held=True)
    elif kind == "flagged":
        items = items.filter(flag_count__gt=0)
    elif kind == "first_post":
        items = items.filter(first_post=True)
    elif kind == "review":
        items = items.filter(review_requested=True)
    if member_id:
        items = items.filter(author_id=member_id)
    if status == ItemStatus.RESOLVED:
        return items.order_by("-resolved_at", "-pk")
    return items.order_by("-score", "created_at", "pk")


def count_open() -> int:
    return QueueItem.objects.filter(status=ItemStatus.OPEN).count()


def get_item_for_user(user, item_id: int) -> QueueItem:
    if not can_moderate(user):
        raise PermissionDenied
    item = list_queue(status="").filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


def flag_counts(item: QueueItem) -> dict[str, int]:
    """Flags of a (prefetched) item by reason."""
    counts: dict[str, int] = {}
    for flag in item.flags.all():
        counts[flag.get_reason_display()] = counts.get(flag.get_reason_display(), 0) + 1
    return counts


def get_member(member_id: int):
    member = get_user_model().objects.filter(pk=member_id).first()
    if member is None:
        raise Http404
    return member


def member_history(member) -> dict:
    """What a member (or staff about them) reads: standing, sanctions with appeals,
    decisions on their content."""
    sanctions = list(
        Sanction.objects.filter(member=member)
        .select_related("created_by", "appeal", "appeal__decided_by")
        .order_by("-created_at")
    )
    decided = list(
        QueueItem.objects.filter(author=member, status=ItemStatus.RESOLVED)
        .exclude(resolution="")
        .select_related("content_type")
        .order_by("-resolved_at")[:50]
    )
    pending = list(
        QueueItem.objects.filter(author=member, status=ItemStatus.OPEN, held=True).order_by(
            "-created_at"
        )[:50]
    )
    hidden = list(
        QueueItem.objects.filter(author=member, status=ItemStatus.OPEN, auto_hidden=True).order_by(
            "-created_at"
        )[:50]
    )
    return {
        "hidden": hidden,
        "standing": get_standing(member),
        "sanctions": sanctions,
        "decided": decided,
        "pending": pending,
    }


def list_notes(member):
    return list(ModeratorNote.objects.filter(member=member).select_related("author"))


def flags_by(member) -> dict:
    return dict(
        Flag.objects.filter(flagger=member)
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )


def list_appeals(*, status: str = AppealStatus.PENDING):
    appeals = Appeal.objects.select_related(
        "member", "sanction", "sanction__created_by", "decided_by"
    ).order_by("created_at")
    if status in AppealStatus.values:
        appeals = appeals.filter(status=status)
    return appeals


def get_appeal_for_user(user, appeal_id: int) -> Appeal:
    if not can_moderate(user):
        raise PermissionDenied
    appeal = list_appeals(status="").filter(pk=appeal_id).first()
    if appeal is None:
        raise Http404
    return appeal


def get_own_sanction(user, sanction_id: int) -> Sanction:
    sanction = Sanction.objects.filter(pk=sanction_id, member_id=user.pk).first()
    if sanction is None:
        raise Http404
    return sanction


def list_words(query: str = "", action: str = ""):
    words = WatchedWord.objects.select_related("created_by").order_by("action", "pattern")
    if query:
        words = words.filter(pattern__icontains=query)
    if action:
        words = words.filter(action=action)
    return words
