"""Writes on alerts: create, change, delete (each goes to the ledger)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.listening.models import Alert, Mention

EDITABLE = (
    "name",
    "kind",
    "query",
    "period",
    "baseline_periods",
    "sigma",
    "min_count",
    "negative_rise",
    "expression",
    "reach_threshold",
    "emails",
    "apprise_urls",
    "cooldown_minutes",
    "enabled",
)


def _latest_mention_id() -> int:
    return Mention.objects.aggregate(last=Max("pk"))["last"] or 0


@transaction.atomic
def create_alert(*, actor, **fields) -> Alert:
    """A new alert; keyword and author alerts only look at mentions stored from now on."""
    values = {name: value for name, value in fields.items() if name in EDITABLE}
    alert = Alert.objects.create(
        **values, created_by=actor, created_at=timezone.now(), last_mention_id=_latest_mention_id()
    )
    record(actor, "listening.alert_created", alert, staff=True, kind=alert.kind)
    return alert


@transaction.atomic
def update_alert(alert: Alert, *, actor, **changes) -> Alert:
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(alert, n) != v]
    if not changed:
        return alert
    for name in changed:
        setattr(alert, name, changes[name])
    alert.save(update_fields=["query_id" if n == "query" else n for n in changed])
    record(actor, "listening.alert_updated", alert, staff=True, fields=sorted(changed))
    return alert


@transaction.atomic
def delete_alert(alert: Alert, *, actor) -> None:
    record(actor, "listening.alert_deleted", alert, staff=True, kind=alert.kind)
    alert.delete()
