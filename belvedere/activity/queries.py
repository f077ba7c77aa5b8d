from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from belvedere.activity.models import Entry


def list_audit_entries(
    *,
    actor: str = "",
    verb: str = "",
    target_type: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Entry]:
    """Staff actions, newest first, narrowed by the given filters."""
    entries = Entry.objects.filter(is_staff_action=True)
    if actor:
        entries = entries.filter(actor_name__icontains=actor)
    if verb:
        entries = entries.filter(verb__startswith=verb)
    if target_type:
        entries = entries.filter(target_type=target_type)
    tz = timezone.get_current_timezone()
    if since:
        entries = entries.filter(created_at__gte=datetime.combine(since, time.min, tzinfo=tz))
    if until:
        entries = entries.filter(created_at__lte=datetime.combine(until, time.max, tzinfo=tz))
    return entries


def list_audit_choices() -> tuple[list[str], list[str]]:
    """The verbs and target types that occur in staff actions, for the filter menus."""
    staff = Entry.objects.filter(is_staff_action=True).order_by()
    pairs = set(staff.values_list("verb", "target_type").distinct())
    verbs = sorted({verb for verb, _ in pairs})
    types = sorted({kind for _, kind in pairs if kind})
    return verbs, types


def list_entries_for_target(target) -> QuerySet[Entry]:
    return Entry.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk))


def list_entries_by_actor(actor) -> QuerySet[Entry]:
    """Everything a member did, newest first (for their data export)."""
    return Entry.objects.filter(actor_id=actor.pk)


def entry_row(entry: Entry) -> dict:
    """An entry as plain data, for CSV and JSON exports."""
    return {
        "time": entry.created_at.isoformat(),
        "actor": entry.actor_name,
        "verb": entry.verb,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "target": entry.target_repr,
        "reason": entry.reason,
        "metadata": entry.metadata,
    }
