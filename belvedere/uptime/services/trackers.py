"""Writes on trackers (where reports and incidents are handed to the technical team)."""

from django.db import transaction

from belvedere.activity.services import record
from belvedere.uptime.models import Tracker
from belvedere.uptime.models.reports import new_secret
from belvedere.uptime.trackers import TrackerError, plugin_for

FIELDS = ("name", "kind", "base_url", "project", "username", "token", "email_to", "is_active")


def _changes(values: dict) -> list[str]:
    """Field names for the audit log; a token's value never goes there."""
    return sorted(name for name in values if name in FIELDS)


@transaction.atomic
def create_tracker(*, actor, **values) -> Tracker:
    tracker = Tracker.objects.create(**{k: v for k, v in values.items() if k in FIELDS})
    record(actor, "uptime.tracker_created", tracker, staff=True, kind=tracker.kind)
    return tracker


@transaction.atomic
def update_tracker(tracker: Tracker, *, actor, **values) -> list[str]:
    changed = [k for k in FIELDS if k in values and getattr(tracker, k) != values[k]]
    for name in changed:
        setattr(tracker, name, values[name])
    if changed:
        tracker.save(update_fields=changed)
        record(actor, "uptime.tracker_updated", tracker, staff=True, fields=_changes(changed))
    return changed


@transaction.atomic
def rotate_webhook_secret(tracker: Tracker, *, actor) -> str:
    """A new secret for the tracker's webhook back to Belvedere; the old one stops working."""
    tracker.webhook_secret = new_secret()
    tracker.save(update_fields=["webhook_secret"])
    record(actor, "uptime.tracker_secret_rotated", tracker, staff=True)
    return tracker.webhook_secret


@transaction.atomic
def delete_tracker(tracker: Tracker, *, actor) -> None:
    """Reports, monitors and incidents that used it keep their issue id and link."""
    record(actor, "uptime.tracker_deleted", tracker, staff=True, kind=tracker.kind)
    tracker.delete()


def check_tracker(tracker: Tracker, *, actor) -> tuple[bool, str]:
    """A harmless call to the tracker (read the project, or a test event or email):
    (True, what answered) or (False, why it failed)."""
    try:
        ok, detail = True, plugin_for(tracker).check(tracker)
    except TrackerError as exc:
        ok, detail = False, str(exc)
    record(actor, "uptime.tracker_tested", tracker, staff=True, ok=ok)
    return ok, detail
