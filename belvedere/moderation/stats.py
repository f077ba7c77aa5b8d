"""Moderation statistics over a date range: queue size, time to decision, actions by type
and by moderator, held items later approved (false positives), flags by reason."""

import statistics
from datetime import datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.moderation.models import Flag, FlagReason, ItemStatus, QueueItem, Resolution

DEFAULT_DAYS = 30


def date_bounds(start=None, end=None) -> tuple[datetime, datetime]:
    """UTC datetimes for [start day 00:00, end day 24:00); the last 30 days by default."""
    today = timezone.now().date()
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    return since, until


def moderation_stats(start=None, end=None) -> dict:
    since, until = date_bounds(start, end)
    items = QueueItem.objects.filter(created_at__gte=since, created_at__lt=until)
    decided = items.filter(status=ItemStatus.RESOLVED, resolved_at__isnull=False)
    hours = [
        (resolved - created).total_seconds() / 3600
        for created, resolved in decided.values_list("created_at", "resolved_at")
    ]
    held = decided.filter(held=True)
    held_total = held.count()
    held_approved = held.filter(resolution=Resolution.APPROVED).count()
    actions = Entry.objects.filter(
        verb__startswith="moderation.", is_staff_action=True, created_at__gte=since,
        created_at__lt=until,
    )  # fmt: skip
    flags = Flag.objects.filter(created_at__gte=since, created_at__lt=until)
    reasons = dict(flags.values("reason").annotate(n=Count("id")).values_list("reason", "n"))
    return {
        "start": since.date(),
        "end": (until - timedelta(days=1)).date(),
        "queue_size": QueueItem.objects.filter(status=ItemStatus.OPEN).count(),
        "items_opened": items.count(),
        "items_decided": len(hours),
        "median_hours_to_decision": round(statistics.median(hours), 2) if hours else None,
        "held_decided": held_total,
        "held_approved": held_approved,
        "false_positive_share": round(held_approved / held_total, 3) if held_total else None,
        "actions_by_type": _counts(actions, "verb"),
        "actions_by_moderator": _counts(actions, "actor_name"),
        "flags_by_reason": {label: reasons.get(value, 0) for value, label in FlagReason.choices},
        "flags_by_reason_key": {value: reasons.get(value, 0) for value in FlagReason.values},
    }


def _counts(queryset, field: str) -> dict[str, int]:
    rows = queryset.values(field).annotate(n=Count("id")).order_by("-n", field)
    return {row[field] or "—": row["n"] for row in rows}


def stats_rows(data: dict) -> list[list]:
    """The statistics as (metric, key, value) rows for CSV."""
    rows = [
        ["period", "start", data["start"].isoformat()],
        ["period", "end", data["end"].isoformat()],
    ]
    for key in ("queue_size", "items_opened", "items_decided", "median_hours_to_decision",
                "held_decided", "held_approved", "false_positive_share"):  # fmt: skip
        rows.append(["summary", key, data[key]])
    for group in ("actions_by_type", "actions_by_moderator", "flags_by_reason_key"):
        rows += [[group, key, value] for key, value in data[group].items()]
    return rows
