"""Reads of alerts and their history."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from belvedere.listening.models import Alert, AlertEvent
from belvedere.listening.queries import _gate

EVENT_CSV_COLUMNS = ["id", "alert", "kind", "fired_at", "summary", "delivered", "delivery_errors"]


def get_alert_for_user(user, alert_id: int) -> Alert:
    _gate(user)
    return get_object_or_404(Alert.objects.select_related("query"), pk=alert_id)


def list_alerts() -> QuerySet[Alert]:
    return Alert.objects.select_related("query").annotate(event_count=Count("events"))


def list_events(alert: Alert | None = None) -> QuerySet[AlertEvent]:
    events = AlertEvent.objects.select_related("alert")
    return events.filter(alert=alert) if alert is not None else events


def event_row(event: AlertEvent) -> list:
    return [
        event.pk,
        event.alert.name,
        event.alert.kind,
        event.fired_at.isoformat(),
        event.summary,
        event.delivered,
        event.delivery_errors,
    ]
