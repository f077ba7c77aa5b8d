"""Alerts about monitors: queued inside the transaction, delivered by a task after it."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.core.notify import notify
from belvedere.uptime.models import Alert, Monitor

SUBJECTS = {
    "down": _("[Belvedere] %(name)s is down"),
    "still_down": _("[Belvedere] %(name)s is still down"),
    "up": _("[Belvedere] %(name)s is back up"),
    "cert": _("[Belvedere] The certificate of %(name)s expires soon"),
}


def queue_alert(monitor: Monitor, kind: str, *, detail: str = "") -> Alert:
    """Record an alert and deliver it once the current transaction commits."""
    alert = Alert.objects.create(monitor=monitor, kind=kind, detail=detail[:300])
    if monitor.email_list() or monitor.apprise_list():
        from belvedere.uptime.tasks import deliver_alert_task

        transaction.on_commit(lambda: deliver_alert_task(alert.pk))
    return alert


def alert_message(alert: Alert) -> tuple[str, str]:
    monitor = alert.monitor
    subject = str(SUBJECTS[alert.kind]) % {"name": monitor.name}
    link = settings.BASE_URL + reverse("uptime:monitor", args=[monitor.pk])
    lines = [
        subject.removeprefix("[Belvedere] "),
        _("Target: %(target)s") % {"target": monitor.target or _("heartbeat")},
        _("When: %(when)s UTC") % {"when": alert.sent_at.strftime("%Y-%m-%d %H:%M:%S")},
    ]
    if alert.detail:
        lines.append(_("Detail: %(detail)s") % {"detail": alert.detail})
    if monitor.kind == "tls" and monitor.cert_expires_at:
        expiry = monitor.cert_expires_at.strftime("%Y-%m-%d %H:%M")
        lines.append(_("Certificate valid until %(date)s UTC") % {"date": expiry})
    lines += ["", link]
    return subject, "\n".join(lines)


def deliver_alert(alert_id: int) -> Alert | None:
    """Send an alert to the monitor's emails and apprise URLs; idempotent."""
    alert = Alert.objects.select_related("monitor").filter(pk=alert_id).first()
    if alert is None or alert.delivered:
        return alert
    subject, body = alert_message(alert)
    monitor = alert.monitor
    delivery = notify(
        subject, body, emails=monitor.email_list(), apprise_urls=monitor.apprise_list()
    )
    alert.delivered = delivery.ok
    if delivery.errors:
        alert.detail = (alert.detail + " | " + "; ".join(delivery.errors))[:300]
    alert.sent_at = timezone.now()
    alert.save(update_fields=["delivered", "detail", "sent_at"])
    return alert
