"""Evaluating alerts on stored mentions: firing, idempotence, cool-down, delivery."""

from datetime import UTC, datetime, timedelta

import pytest

from belvedere.listening.models import Alert, AlertEvent, AlertKind
from belvedere.listening.services.alert_checks import evaluate_alert, evaluate_alerts
from belvedere.listening.services.alerts import create_alert
from belvedere.listening.tasks import check_alerts

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 10, 12, 30, tzinfo=UTC)


def hourly(put_mentions, counts, negatives=None, query=None):
    """counts[0] in the last hour before NOW, counts[1] the hour before, and so on."""
    negatives = negatives or [0] * len(counts)
    for i, (count, negative) in enumerate(zip(counts, negatives, strict=True)):
        when = NOW - timedelta(hours=i, minutes=10)
        rows = [(when, "negative")] * negative + [(when, "positive")] * (count - negative)
        put_mentions(rows, query=query)


def spike_alert(**fields):
    values = {"name": "Spike", "kind": AlertKind.VOLUME_SPIKE, "period": "hour"}
    values |= {"baseline_periods": 4, "sigma": 2, "min_count": 3, "cooldown_minutes": 60}
    return Alert.objects.create(**(values | fields))


def test_volume_spike_fires_once_with_its_figures(put_mentions):
    hourly(put_mentions, [5, 1, 3, 1, 3])  # μ = 2, σ = 1, threshold 2 + 2·1 = 4
    alert = spike_alert()
    event = evaluate_alert(alert, now=NOW)
    assert event is not None and event.key == "hour:2026-03-10T12"
    assert event.figures["count"] == 5 and event.figures["threshold"] == 4.0
    assert event.figures["history"] == [1, 3, 1, 3]
    assert "5 mentions" in event.summary
    assert evaluate_alert(alert, now=NOW + timedelta(minutes=5)) is None  # cool-down
    alert.last_fired_at = None
    assert evaluate_alert(alert, now=NOW + timedelta(minutes=5)) is None  # same hour: once
    assert AlertEvent.objects.count() == 1


def test_volume_spike_stays_quiet_under_the_threshold(put_mentions):
    hourly(put_mentions, [3, 1, 3, 1, 3])
    assert evaluate_alert(spike_alert(), now=NOW) is None
    assert Alert.objects.get().last_checked_at == NOW


def test_volume_spike_scoped_to_a_query(put_mentions, make_query):
    query = make_query("helios")
    hourly(put_mentions, [5, 1, 3, 1, 3])  # not linked to the query
    hourly(put_mentions, [1, 1, 1, 1, 1], query=query)
    assert evaluate_alert(spike_alert(query=query), now=NOW) is None


def test_negative_surge(put_mentions):
    hourly(put_mentions, [10, 10, 10], negatives=[5, 1, 1])  # 50 % against 10 %
    alert = spike_alert(kind=AlertKind.NEGATIVE_SURGE, baseline_periods=2, negative_rise=30)
    event = evaluate_alert(alert, now=NOW)
    assert event.figures["share"] == 50.0 and event.figures["baseline_share"] == 10.0
    alert.negative_rise, alert.last_fired_at = 41, None
    AlertEvent.objects.all().delete()
    assert evaluate_alert(alert, now=NOW) is None


def test_keyword_alert_reports_new_matching_mentions_once(put_mentions, dave):
    put_mentions([(NOW, "")], text="old hélios news")
    alert = create_alert(
        actor=dave,
        name="Recall",
        kind=AlertKind.KEYWORD,
        expression='helios AND "rappel"',
        cooldown_minutes=0,
    )
    assert evaluate_alert(alert) is None  # the old mention is before the alert
    new = put_mentions([(NOW, ""), (NOW, "")], text="Hélios annonce un rappel")
    put_mentions([(NOW, "")], text="nothing to see")
    event = evaluate_alert(alert)
    assert event.figures["count"] == 2 and event.figures["mention_ids"] == [m.pk for m in new]
    assert evaluate_alert(alert) is None and AlertEvent.objects.count() == 1


def test_influential_author_alert(put_mentions, dave):
    alert = create_alert(
        actor=dave, name="VIP", kind=AlertKind.INFLUENTIAL_AUTHOR, reach_threshold=10_000
    )
    put_mentions([(NOW, "")], author_name="Small", reach=10)
    put_mentions([(NOW, "")], author_name="Big Voice", reach=250_000)
    event = evaluate_alert(alert)
    assert event.figures["authors"] == ["Big Voice"] and "Big Voice" in event.summary


def test_disabled_alerts_are_skipped_and_errors_do_not_stop_others(put_mentions):
    hourly(put_mentions, [5, 1, 3, 1, 3])
    spike_alert(enabled=False)
    spike_alert(name="Broken", kind=AlertKind.KEYWORD, expression="(")
    assert evaluate_alerts(now=NOW) == []
    spike_alert(name="Live")
    assert [e.alert.name for e in evaluate_alerts(now=NOW)] == ["Live"]


def test_delivery_by_email_and_apprise(put_mentions, recorder, mailoutbox):
    hourly(put_mentions, [5, 1, 3, 1, 3])
    port = recorder.server_address[1]
    alert = spike_alert(emails="cm@example.com", apprise_urls=f"json://127.0.0.1:{port}/alerts")
    event = evaluate_alert(alert, now=NOW)
    assert event.delivered and event.delivery_errors == ""
    assert mailoutbox[0].to == ["cm@example.com"] and "Spike" in mailoutbox[0].subject
    sent = recorder.requests[0]
    assert sent["path"] == "/alerts" and "5 mentions" in sent["json"]["message"]
    assert f"/listening/alerts/{alert.pk}/" in sent["json"]["message"]


def test_delivery_errors_are_kept(put_mentions, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    hourly(put_mentions, [5, 1, 3, 1, 3])
    event = evaluate_alert(spike_alert(apprise_urls="json://127.0.0.1:9/x"), now=NOW)
    assert not event.delivered and "cannot be fetched" in event.delivery_errors


def test_the_task_evaluates_every_alert(put_mentions, dave):
    alert = create_alert(actor=dave, name="K", kind=AlertKind.KEYWORD, expression="helios")
    put_mentions([(NOW, "")], text="helios")
    assert len(check_alerts().get()) == 1
    assert Alert.objects.get(pk=alert.pk).last_fired_at is not None
