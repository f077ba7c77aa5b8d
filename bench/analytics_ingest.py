"""Analytics: event ingestion rate (one worker) and dashboard widgets over ~10 million events.

1. Ingestion: N Plausible-format events POSTed to /api/event through Django's test client in
   one process (parse, bot filter, salted hash, buffer append), then the flush (visits by the
   30-minute rule, bulk inserts) and the day's rollup, each timed.
2. Dashboard: rollups for 365 days holding 10,000,000 page views (2,000 distinct pages, 300
   sources, devices, languages per day), written with one INSERT … SELECT generate_series on
   PostgreSQL (bulk_create elsewhere); then each widget of the traffic page timed over the
   whole year and over the last 30 days.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_analytics \\
        .venv/bin/python bench/analytics_ingest.py --events 20000 --pageviews 10000000

A PostgreSQL database named in DATABASE_URL is dropped and created again first.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from listening_ingest import setup_django  # noqa: E402  (same set-up: fresh database, migrate)

UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def ingest(events: int) -> dict:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from belvedere.analytics.services.flush import flush_events
    from belvedere.analytics.services.rollup import rollup_day

    settings.ANALYTICS_EVENTS_PER_MINUTE = 10**9
    settings.ALLOWED_HOSTS = ["testserver", "bench.example"]
    client, rng = Client(), random.Random(1)
    bodies = [
        json.dumps(
            {
                "n": "pageview" if i % 10 else "Signup",
                "d": "bench.example",
                "u": f"https://bench.example/p/{rng.randint(1, 500)}",
                "r": rng.choice(["", "https://www.google.com/", "https://t.co/x"]),
                "w": rng.choice([390, 800, 1280, 1920]),
            }
        )  # fmt: skip
        for i in range(events)
    ]
    started = time.perf_counter()
    for i, body in enumerate(bodies):
        response = client.post("/api/event", body, content_type="text/plain",
                               HTTP_USER_AGENT=UA,
                               REMOTE_ADDR=f"10.0.{i % 250}.{i % 97}")  # fmt: skip
        assert response.status_code == 202, response.content
    endpoint = time.perf_counter() - started
    from belvedere.analytics.services.ingest import Client as Sender
    from belvedere.analytics.services.ingest import accept_event

    raw = [body.encode() for body in bodies]
    started = time.perf_counter()
    for i, body in enumerate(raw):  # the same work without Django's request cycle
        accept_event(body, Sender(ip=f"10.1.{i % 250}.{i % 97}", user_agent=UA))
    service = time.perf_counter() - started
    started = time.perf_counter()
    stored = flush_events(max_batches=10**6) // 2
    flush = time.perf_counter() - started
    started = time.perf_counter()
    rollup_day(timezone.now().date())
    rollup = time.perf_counter() - started
    assert stored == events, stored
    total = endpoint + flush / 2  # the flush stored both runs' events
    return {"events": events, "endpoint_per_s": events / endpoint,
            "service_per_s": events / service, "flush_per_s": 2 * events / flush,
            "end_to_end_per_s": events / total, "rollup_day_s": rollup}  # fmt: skip


SQL = """
INSERT INTO analytics_rollup (granularity, bucket, dimension, value, visitors, visits,
                              pageviews, bounces, duration, events)
SELECT 'day', d.day, dim.name, dim.name || '-' || v.i,
       %(per)s / (v.i + 3), %(per)s / (v.i + 4), %(per)s / (v.i + 2), %(per)s / (v.i + 9),
       60 * %(per)s / (v.i + 4), 0
FROM generate_series(now()::date - 364, now()::date, interval '1 day') AS d(day)
CROSS JOIN (VALUES ('page', 2000), ('entry_page', 500), ('exit_page', 500), ('source', 300),
                   ('referrer', 300), ('device', 4), ('browser', 6), ('language', 20),
                   ('event', 10)) AS dim(name, n)
CROSS JOIN LATERAL generate_series(1, dim.n) AS v(i)
UNION ALL
SELECT 'day', d.day, '', '', %(visitors)s, %(visits)s, %(pageviews)s, %(bounces)s,
       %(duration)s, %(events)s
FROM generate_series(now()::date - 364, now()::date, interval '1 day') AS d(day)
"""


def fill_rollups(pageviews: int) -> float:
    from django.db import connection

    per_day = pageviews // 365
    params = {"per": per_day, "pageviews": per_day, "visits": per_day * 10 // 26,
              "visitors": per_day * 10 // 31, "bounces": per_day * 4 // 26,
              "duration": per_day * 40, "events": per_day // 30}  # fmt: skip
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM analytics_rollup")
        cursor.execute(SQL, params)
        cursor.execute("ANALYZE analytics_rollup")
    return time.perf_counter() - started


def widgets() -> list[tuple[str, float, float]]:
    from belvedere.analytics.models import Goal
    from belvedere.analytics.queries import traffic
    from belvedere.analytics.queries.periods import period_of

    Goal.objects.get_or_create(name="Sign-ups", kind="event", target="event-1")
    Goal.objects.get_or_create(name="Pages", kind="page", target="page-1*")
    year, month = period_of(days=365), period_of(days=30)
    calls = {
        "summary": lambda p: traffic.traffic_summary(p),
        "daily series": lambda p: traffic.traffic_series(p),
        "top pages": lambda p: traffic.breakdown("page", p),
        "sources": lambda p: traffic.breakdown("source", p),
        "devices": lambda p: traffic.breakdown("device", p),
        "goals": lambda p: traffic.goal_conversions(p),
    }
    rows = []
    for name, call in calls.items():
        timings = []
        for period in (year, month):
            call(period)  # warm
            started = time.perf_counter()
            for _ in range(3):
                call(period)
            timings.append((time.perf_counter() - started) / 3 * 1000)
        rows.append((name, *timings))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--pageviews", type=int, default=10_000_000)
    args = parser.parse_args()
    setup_django(tempfile.mkdtemp())
    from django.db import connection

    print(f"database: {connection.vendor}")
    result = ingest(args.events)
    print("ingestion (one process):")
    for key, value in result.items():
        print(f"  {key:18} {value:,.1f}" if isinstance(value, float) else f"  {key:18} {value:,}")
    if connection.vendor != "postgresql":
        print("dashboard: skipped (needs PostgreSQL for generate_series)")
        return
    seconds = fill_rollups(args.pageviews)
    from belvedere.analytics.models import Rollup

    print(f"rollups: {Rollup.objects.count():,} rows for {args.pageviews:,} page views "
          f"written in {seconds:.1f} s")  # fmt: skip
    print(f"  {'widget':14} {'365 days (ms)':>14} {'30 days (ms)':>13}")
    for name, year_ms, month_ms in widgets():
        print(f"  {name:14} {year_ms:14.1f} {month_ms:13.1f}")


if __name__ == "__main__":
    main()
