"""Evaluating alerts after ingestion: one AlertEvent per firing, then email and apprise.

Idempotent: an event is keyed by the alert and its period (volume, negative share) or by the
range of mention ids it reports (keyword, author), under a unique constraint, and the
cool-down keeps an alert quiet after it fired.
"""

import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.core.notify import notify
from belvedere.listening.alerting import Finding, negative_surge, volume_spike
from belvedere.listening.models import Alert, AlertEvent, AlertKind, Mention
from belvedere.listening.services.ingest import document_of
from belvedere.text.query import QuerySyntaxError, compile_query

logger = logging.getLogger(__name__)
PERIODS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}
SCAN = 5000  # new mentions a keyword or author alert reads per run
EXAMPLES = 10


def scope_of(alert: Alert) -> QuerySet[Mention]:
    mentions = Mention.objects.all()
    if alert.query_id:
        mentions = mentions.filter(matches__query_id=alert.query_id)
    return mentions


def window_counts(alert: Alert, now: datetime, *, negative: bool = False) -> list[int]:
    """Counts of the current period (index 0) and the N before it, in one query."""
    step, n = PERIODS[alert.period], alert.baseline_periods
    aggregates = {}
    for i in range(n + 1):
        window = Q(published_at__gt=now - (i + 1) * step, published_at__lte=now - i * step)
        if negative:
            aggregates[f"t{i}"] = Count("id", filter=window & ~Q(sentiment=""))
            aggregates[f"n{i}"] = Count("id", filter=window & Q(sentiment="negative"))
        else:
            aggregates[f"t{i}"] = Count("id", filter=window)
    since = now - (n + 1) * step
    row = (
        scope_of(alert)
        .filter(published_at__gt=since, published_at__lte=now)
        .aggregate(**aggregates)
    )
    totals = [row[f"t{i}"] for i in range(n + 1)]
    if not negative:
        return totals
    return totals + [row[f"n{i}"] for i in range(n + 1)]


def _period_key(alert: Alert, now: datetime) -> str:
    fmt = "%Y-%m-%dT%H" if alert.period == "hour" else "%Y-%m-%d"
    return f"{alert.period}:{now.astimezone(UTC).strftime(fmt)}"


def _check_volume(alert: Alert, now: datetime):
    counts = window_counts(alert, now)
    found = volume_spike(counts[0], counts[1:], k=alert.sigma, min_count=alert.min_count)
    if found is None:
        return None
    summary = _(
        "%(count)s mentions in the last %(period)s (baseline %(mean)s ± %(sigma)s, "
        "threshold %(threshold)s)"
    ) % {"period": alert.get_period_display().lower(), **found.figures}
    return _period_key(alert, now), summary, found


def _check_negative(alert: Alert, now: datetime):
    n = alert.baseline_periods + 1
    values = window_counts(alert, now, negative=True)
    totals, negatives = values[:n], values[n:]
    found = negative_surge(
        negatives[0],
        totals[0],
        negatives[1:],
        totals[1:],
        rise=alert.negative_rise,
        min_count=alert.min_count,
    )
    if found is None:
        return None
    summary = _("%(share)s %% negative in the last %(period)s (baseline %(baseline_share)s %%)") % {
        "period": alert.get_period_display().lower(),
        **found.figures,
    }
    return _period_key(alert, now), summary, found


def _new_mentions(alert: Alert) -> list[Mention]:
    fields = ("id", "title", "text", "language", "canonical_url", "community", "author_name")
    fields += ("author_handle", "reach", "reach_is_estimate")
    new = scope_of(alert).filter(pk__gt=alert.last_mention_id).order_by("pk").only(*fields)
    return list(new[:SCAN])


def _listed(alert: Alert, hits: list[Mention], scanned: list[Mention], extra: dict):
    """(key, figures) for mentions found among those scanned; the watermark moves on."""
    alert.last_mention_id = scanned[-1].pk if scanned else alert.last_mention_id
    if not hits:
        return None
    figures = {
        "count": len(hits),
        "scanned": len(scanned),
        "mention_ids": [m.pk for m in hits[:EXAMPLES]],
        "examples": [(m.title or m.text)[:120] for m in hits[:EXAMPLES]],
        **extra,
    }
    key = f"ids:{scanned[0].pk}-{scanned[-1].pk}"
    return key, Finding(len(hits), 0, extra.get("reach_threshold", 1), figures)


def _check_keyword(alert: Alert, now: datetime):
    try:
        matcher = compile_query(alert.expression)
    except QuerySyntaxError:
        logger.warning("Alert %s has a keyword query that does not parse", alert.pk)
        return None
    scanned = _new_mentions(alert)
    hits = [m for m in scanned if matcher.matches(document_of(m))]
    listed = _listed(alert, hits, scanned, {"expression": alert.expression})
    if listed is None:
        return None
    key, found = listed
    summary = _("%(count)s new mentions match %(expression)s") % found.figures
    return key, summary, found


def _check_author(alert: Alert, now: datetime):
    scanned = _new_mentions(alert)
    hits = [m for m in scanned if m.reach >= alert.reach_threshold]
    authors = list(dict.fromkeys(m.author_name or m.author_handle for m in hits))
    extra = {"reach_threshold": alert.reach_threshold, "authors": authors[:EXAMPLES]}
    listed = _listed(alert, hits, scanned, extra)
    if listed is None:
        return None
    key, found = listed
    summary = _(
        "%(count)s new mentions by authors with a reach of %(reach_threshold)s or more: %(names)s"
    ) % {"names": ", ".join(authors[:5]), **found.figures}
    return key, summary, found


CHECKS = {
    AlertKind.VOLUME_SPIKE: _check_volume,
    AlertKind.NEGATIVE_SURGE: _check_negative,
    AlertKind.KEYWORD: _check_keyword,
    AlertKind.INFLUENTIAL_AUTHOR: _check_author,
}


def cooling_down(alert: Alert, now: datetime) -> bool:
    if alert.last_fired_at is None:
        return False
    return now < alert.last_fired_at + timedelta(minutes=alert.cooldown_minutes)


def evaluate_alert(alert: Alert, *, now: datetime | None = None) -> AlertEvent | None:
    """Check one alert at ``now``; the new event when it fired (already delivered)."""
    now = now or timezone.now()
    if not alert.enabled or cooling_down(alert, now):
        return None
    outcome = CHECKS[alert.kind](alert, now)
    alert.last_checked_at = now
    event = None
    if outcome is not None:
        key, summary, found = outcome
        event = _record_event(alert, key, summary[:500], found.figures, now)
    alert.save(update_fields=["last_checked_at", "last_mention_id", "last_fired_at"])
    if event is not None:
        deliver(event)
    return event


def _record_event(alert, key, summary, figures, now) -> AlertEvent | None:
    try:
        with transaction.atomic():
            event = AlertEvent.objects.create(
                alert=alert, key=key, summary=summary, figures=figures, fired_at=now
            )
    except IntegrityError:
        return None  # this period or these mentions were already reported
    alert.last_fired_at = now
    return event


def deliver(event: AlertEvent) -> None:
    alert = event.alert
    if not alert.email_list and not alert.apprise_list:
        return
    link = settings.BASE_URL.rstrip("/") + reverse("listening:alert_detail", args=[alert.pk])
    subject = _("Listening alert: %(name)s") % {"name": alert.name}
    body = f"{event.summary}\n\n{link}"
    delivery = notify(subject, body, emails=alert.email_list, apprise_urls=alert.apprise_list)
    event.delivered = delivery.ok
    event.delivery_errors = "\n".join(delivery.errors)[:2000]
    event.save(update_fields=["delivered", "delivery_errors"])


def evaluate_alerts(*, now: datetime | None = None) -> list[AlertEvent]:
    """Every enabled alert once; an alert that fails is logged and the others go on."""
    events = []
    for alert in Alert.objects.filter(enabled=True).order_by("pk"):
        try:
            event = evaluate_alert(alert, now=now)
        except Exception:
            logger.exception("Alert %s could not be evaluated", alert.pk)
            continue
        if event is not None:
            events.append(event)
    return events
