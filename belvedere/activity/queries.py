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
    entries = Entry.objects.filter(is_staff_action=True).select_related("actor")
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


def list_entries_for_target(target) -> QuerySet[Entry]:
    return Entry.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk))
