"""Analytics: event ingestion rate (one worker) and dashboard widgets over ~10 million events.

1. Ingestion, three ways, each timed in wall-clock and CPU seconds:
   a. the WSGI application (`belvedere.wsgi.application`) called in this process exactly as the
      HTTP server calls it (no HTTP parsing, no socket): POST /api/event (parse, bot filter,
      salted hash, per-IP limit, staging in memory, pushes of 500 to the buffer);
   b. over real HTTP: `belvedere serve --workers 1 --no-worker` (one Granian worker, 4
      threads) in another process, sent to by this process over 8 keep-alive connections;
      done when every event is in the buffer;
   c. the flush that one background worker runs (visits by the 30-minute rule, COPY on
      PostgreSQL), over everything a. and b. buffered; then the day's rollup.
2. Dashboard: rollups for 365 days holding 10,000,000 page views (2,000 distinct pages, 300
   sources, devices, languages per day), written with one INSERT … SELECT generate_series on
   PostgreSQL; then each widget of the traffic page timed over the year and the last 30 days.

    REDIS_URL=redis://127.0.0.1:6379/9 \
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_analytics \
        .venv/bin/python bench/analytics_ingest.py --events 20000 --pageviews 10000000

A PostgreSQL database named in DATABASE_URL is dropped and created again first, and the
Redis buffer of REDIS_URL's database is emptied.
"""

import argparse
import asyncio
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from listening_ingest import setup_django  # noqa: E402  (same set-up: fresh database, migrate)

UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
HOST = "bench.example"


def bodies(events: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [
        json.dumps(
            {
                "n": "pageview" if i % 10 else "Signup",
                "d": HOST,
                "u": f"https://{HOST}/p/{rng.randint(1, 500)}",
                "r": rng.choice(["", "https://www.google.com/", "https://t.co/x"]),
                "w": rng.choice([390, 800, 1280, 1920]),
            }
        ).encode()  # fmt: skip
        for i in range(events)
    ]


def environ(body: bytes, ip: str) -> dict:
    """What the HTTP server hands to the application for one request."""
    return {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/event", "SCRIPT_NAME": "",
            "QUERY_STRING": "", "SERVER_NAME": HOST, "SERVER_PORT": "443", "HTTP_HOST": HOST,
            "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": ip, "HTTP_USER_AGENT": UA,
            "CONTENT_TYPE": "text/plain", "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
            "wsgi.url_scheme": "https", "wsgi.multithread": True, "wsgi.multiprocess": True,
            "wsgi.run_once": False}  # fmt: skip


def timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def through_wsgi(events: int) -> tuple[float, float]:
    from belvedere.analytics.services import intake
    from belvedere.wsgi import application as app

    payloads, codes = bodies(events, 1), []

    def run():
        for i, body in enumerate(payloads):
            response = app(environ(body, f"10.0.{i % 250}.{i % 97}"),
                           lambda status, headers, exc=None: codes.append(status))  # fmt: skip
            b"".join(response)
        intake.flush()

    wall, cpu = timed(run)
    assert all(code.startswith("202") for code in codes), codes[:3]
    return events / wall, events / cpu


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _send(port: int, payloads: list[bytes], connections: int) -> None:
    async def one(chunk: list[bytes]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for body in chunk:
            writer.write(
                b"POST /api/event HTTP/1.1\r\nHost: "
                + HOST.encode()
                + b"\r\nUser-Agent: "
                + UA.encode()
                + b"\r\nContent-Type: text/plain"
                b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            )
            head = await reader.readuntil(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 202"), head
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
        writer.close()

    await asyncio.gather(*(one(payloads[i::connections]) for i in range(connections)))


def through_http(events: int, threads: int, access_log: bool) -> tuple[float, float]:
    from belvedere.analytics.services import buffer

    port, before = free_port(), buffer.size()
    env = {**os.environ, "ALLOWED_HOSTS": HOST, "BELVEDERE_ANALYTICS_EVENTS_PER_MINUTE": str(10**9)}
    server = subprocess.Popen(
        [sys.executable, "-m", "belvedere", "serve", "--no-worker", "--port", str(port),
         "--workers", "1", "--threads", str(threads), *(["--access-log"] if access_log else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        asyncio.run(_send(port, bodies(200, 3), 8))  # warm the worker up
        payloads = bodies(events, 2)
        started, cpu = time.perf_counter(), _cpu_of(server.pid)
        asyncio.run(_send(port, payloads, 8))
        while buffer.size() < before + 200 + events:
            time.sleep(0.01)
        wall, cpu = time.perf_counter() - started, _cpu_of(server.pid) - cpu
    finally:
        server.terminate()
        server.wait()
    return events / wall, events / cpu


def _cpu_of(pid: int) -> float:
    """CPU seconds used by the HTTP worker (the only child of `belvedere serve --no-worker`)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    fields = Path(f"/proc/{children[0]}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ingest(events: int, threads: int = 4, access_log: bool = False) -> dict:
    from django.conf import settings
    from django.utils import timezone

    from belvedere.analytics.services import buffer
    from belvedere.analytics.services.flush import flush_events
    from belvedere.analytics.services.rollup import rollup_day

    settings.ANALYTICS_EVENTS_PER_MINUTE = 10**9
    settings.ALLOWED_HOSTS = ["testserver", HOST]
    if settings.REDIS_URL:
        buffer._client().delete(buffer.KEY)
    result = {"events": events}
    result["wsgi_per_s"], result["wsgi_per_cpu_s"] = through_wsgi(events)
    result["http_per_s"], result["http_per_cpu_s"] = through_http(events, threads, access_log)
    stored = []
    wall, cpu = timed(lambda: stored.append(flush_events(max_batches=10**6)))
    assert stored[0] == 2 * events + 200, stored
    result["flush_per_s"], result["flush_per_cpu_s"] = stored[0] / wall, stored[0] / cpu
    result["rollup_day_s"], _ = timed(lambda: rollup_day(timezone.now().date()))
    return result


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
    parser.add_argument(
        "--threads", type=int, default=4, help="threads of the HTTP worker (serve: 4)"
    )
    parser.add_argument("--access-log", action="store_true", help="serve with --access-log")
    args = parser.parse_args()
    setup_django(tempfile.mkdtemp())
    from django.db import connection

    print(f"database: {connection.vendor}; load average {os.getloadavg()[0]:.1f} (2 cores here)")
    result = ingest(args.events, args.threads, args.access_log)
    print(f"ingestion (load average now {os.getloadavg()[0]:.1f}):")
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
