"""A real browser: the public status page without an account, then a manager creating a
monitor that checks a real site on 127.0.0.1."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.conftest import PASSWORD
from belvedere.uptime.models import Component, Monitor, Rollup
from belvedere.uptime.services import incidents


def _platform(dave):
    forum = Component.objects.create(name="Community forum", position=1)
    monitor = Monitor.objects.create(
        name="forum", kind="http", url="https://forum.example", component=forum, status="up"
    )
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    Rollup.objects.bulk_create(
        Rollup(monitor=monitor, period="day", start=today - timedelta(days=d), count=1440,
               ok_count=1440 if d != 5 else 1000, avg_latency_ms=120, p95_latency_ms=300)
        for d in range(1, 90)
    )  # fmt: skip
    incident = incidents.create_incident(
        actor=dave, title="Slow search", body="Looking into it.", impact="minor",
        components=[forum],
    )  # fmt: skip
    incidents.post_update(incident, actor=dave, status="resolved", body="Index rebuilt.")
    return incident


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_status_page_and_new_monitor(live_server, browser_page, fresh_cache, dave, site,
                                             settings):  # fmt: skip
    settings.ALLOW_PRIVATE_TARGETS = True  # the monitored site listens on 127.0.0.1
    incident = _platform(dave)
    page, base = browser_page, live_server.url

    page.goto(base + "/status/")  # no account
    page.get_by_role("heading", name="Platform status").wait_for()
    page.get_by_text("Community forum").first.wait_for()
    assert page.locator(".uptime-bars rect").count() >= 89
    page.get_by_role("link", name="Slow search").first.click()
    page.get_by_text("Index rebuilt.").wait_for()
    assert page.url.endswith(f"/status/incidents/{incident.pk}/")

    page.goto(base + "/accounts/login/?next=/uptime/")
    page.get_by_label("Email address").fill(dave.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="New monitor").click()
    page.get_by_label("Name", exact=True).fill("Local site")
    page.get_by_label("Kind", exact=True).select_option("http")
    page.get_by_label("URL", exact=True).fill(site.url("/"))
    page.get_by_label("Keyword", exact=True).fill("Welcome")
    page.get_by_label("Keyword check").select_option("present")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Monitor created.").wait_for()
    page.get_by_role("heading", name="Local site").wait_for()
    monitor = Monitor.objects.get(name="Local site")
    assert (monitor.kind, monitor.url, monitor.created_by) == ("http", site.url("/"), dave)
    assert (monitor.keyword, monitor.keyword_mode) == ("Welcome", "present")
