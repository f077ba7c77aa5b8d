"""Reads of page watches and their snapshots."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from belvedere.watch.diff import Diff, diff_texts
from belvedere.watch.models import PageSnapshot, PageWatch
from belvedere.watch.queries import gate

WATCH_CSV = ["id", "name", "url", "selector", "trigger_text", "enabled", "snapshots",
             "last_checked_at", "last_changed_at", "last_error"]  # fmt: skip
SNAPSHOT_FIELDS = ("id", "watch_id", "previous_id", "recorded_at", "triggered", "added",
                   "removed", "changed")  # fmt: skip


def get_watch_for_user(user, watch_id: int) -> PageWatch:
    gate(user)
    return get_object_or_404(PageWatch.objects.select_related("owner"), pk=watch_id)


def get_snapshot_for_user(user, snapshot_id: int) -> PageSnapshot:
    gate(user)
    snapshots = PageSnapshot.objects.select_related("watch", "previous")
    return get_object_or_404(snapshots, pk=snapshot_id)


def list_watches() -> QuerySet[PageWatch]:
    watches = PageWatch.objects.select_related("owner").annotate(snapshot_count=Count("snapshots"))
    return watches.order_by("name", "id")


def watch_row(watch) -> list:
    return [watch.pk, watch.name, watch.url, watch.selector, watch.trigger_text, watch.enabled,
            watch.snapshot_count, watch.last_checked_at, watch.last_changed_at,
            watch.last_error]  # fmt: skip


def list_snapshots(watch=None) -> QuerySet[PageSnapshot]:
    snapshots = PageSnapshot.objects.select_related("watch").only(*SNAPSHOT_FIELDS, "watch__name")
    return snapshots.filter(watch=watch) if watch else snapshots


def feed_snapshots(watch=None, limit: int = 50) -> list[PageSnapshot]:
    """Changes (not first snapshots) with their texts, for the Atom feeds."""
    snapshots = PageSnapshot.objects.select_related("watch", "previous").filter(
        previous__isnull=False
    )
    if watch is not None:
        snapshots = snapshots.filter(watch=watch)
    return list(snapshots.order_by("-recorded_at", "-id")[:limit])


def snapshot_diff(snapshot: PageSnapshot, *, context: int = 2) -> Diff:
    old = snapshot.previous.text if snapshot.previous_id else ""
    return diff_texts(old, snapshot.text, context=context)
