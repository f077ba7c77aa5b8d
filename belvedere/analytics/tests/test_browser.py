"""Real Chromium: Belvedere's own tracker, and Plausible's npm tracker, counted by Belvedere."""

import functools
import http.server
import threading
import time
from pathlib import Path

import pytest

from belvedere.analytics.queries import traffic
from belvedere.analytics.queries.periods import period_of
from belvedere.analytics.services import buffer, intake
from belvedere.analytics.services.flush import flush_events
from belvedere.analytics.services.rollup import rollup_day

VENDOR = Path(__file__).parent / "vendor" / "plausible-tracker"
# A desktop browser's user agent: HeadlessChrome is (rightly) filtered as a bot.
UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126 Safari/537.36"
)


@pytest.fixture
def browser_page_options():
    return {"user_agent": UA, "locale": "fr-FR"}


def wait_for_buffer(count: int, timeout: float = 8.0) -> None:
    deadline = time.monotonic() + timeout
    while intake.staged() + buffer.size() < count and time.monotonic() < deadline:
        time.sleep(0.1)


def counted_today() -> dict:
    flush_events()
    from django.utils import timezone

    rollup_day(timezone.now().date())
    return traffic.traffic_summary(period_of(days=1))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_own_tracker_counts_the_visit(live_server, browser_page, fresh_cache):
    browser_page.goto(live_server.url + "/accounts/login/")
    wait_for_buffer(1)
    summary = counted_today()
    assert (summary["visitors"], summary["visits"], summary["pageviews"]) == (1, 1, 1)
    assert traffic.breakdown("page", period_of(days=1))[0]["value"] == "/accounts/login/"
    assert traffic.breakdown("language", period_of(days=1))[0]["value"] == "fr"


@pytest.fixture
def page_server():
    """Serves the vendored tracker and a page using it from 127.0.0.1 (another origin)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(VENDOR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


PAGE = """<!doctype html><html><body><h1>Shop</h1><script type="module">
window.__plausible = true;  // Plausible skips automated browsers unless told otherwise
import {{ init, track }} from "./plausible.js";
init({{domain: "belvedere.test", endpoint: "{endpoint}", captureOnLocalhost: true}});
const done = (r) => document.title = "sent " + JSON.stringify(r);
track("Signup", {{props: {{plan: "pro"}}, callback: done}});
</script></body></html>"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_plausible_npm_tracker_sends_to_belvedere(
    live_server, browser_page, page_server, fresh_cache, settings
):
    settings.ANALYTICS_DOMAINS = ["belvedere.test"]
    # The two events arrive at once; the live server's threads share one SQLite connection in
    # tests, so today's salt is made beforehand rather than raced for.
    from django.utils import timezone

    from belvedere.analytics.services.salts import salt_for

    salt_for(timezone.now().date())
    body = PAGE.format(endpoint=live_server.url + "/api/event")
    browser_page.route(
        page_server + "/shop.html",
        lambda route: route.fulfill(content_type="text/html", body=body),
    )
    browser_page.goto(page_server + "/shop.html")
    browser_page.wait_for_function("document.title.startsWith('sent')")
    assert browser_page.title() == 'sent {"status":202}'
    wait_for_buffer(2)
    summary = counted_today()
    assert (summary["visitors"], summary["visits"], summary["pageviews"]) == (1, 1, 1)
    assert summary["events"] == 1
    (event,) = traffic.breakdown("event", period_of(days=1))
    assert (event["value"], event["visitors"], event["events"]) == ("Signup", 1, 1)
    assert summary["bounce_rate"] == 0.0  # the interactive event means no bounce
