"""Uptime checks: how many monitors one worker keeps on time.

Creates N HTTP monitors (60 s interval, due times spread over the first minute) against a
local HTTP server in another process, then runs the worker's check loop (`run_checks`,
55-second runs as the periodic task does) for M minutes on a fresh SQLite database.
Prints checks per minute and the scheduling lag (actual start − due time).

    .venv/bin/python bench/uptime_checks.py --monitors 1000 --minutes 3
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Ok(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def serve(port_queue):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Ok)
    server.daemon_threads = True
    port_queue.put(server.server_address[1])
    server.serve_forever()


def setup_django(data_dir: str) -> None:
    os.environ["BELVEDERE_DATA_DIR"] = data_dir
    os.environ["BELVEDERE_ALLOW_PRIVATE_TARGETS"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import logging

    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request otherwise
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_monitors(count: int, url: str) -> None:
    from django.utils import timezone

    from belvedere.uptime.models import Monitor

    start = timezone.now() + timedelta(seconds=5)
    Monitor.objects.bulk_create(
        Monitor(
            name=f"bench {n}",
            kind="http",
            url=url,
            interval_seconds=60,
            timeout_seconds=10,
            next_check_at=start + timedelta(seconds=60 * n / count),
        )
        for n in range(count)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--monitors", type=int, default=1000)
    parser.add_argument("--minutes", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=200)
    args = parser.parse_args()
    ports = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports,), daemon=True)
    server.start()
    port = ports.get(timeout=10)
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from belvedere.uptime.checks.runner import RunStats, run_checks

        create_monitors(args.monitors, f"http://127.0.0.1:{port}/")
        total = RunStats()
        began = time.monotonic()
        for _ in range(args.minutes):
            stats = run_checks(seconds=55, concurrency=args.concurrency)
            total.checks += stats.checks
            total.failures += stats.failures
            total.lags += stats.lags
        elapsed = time.monotonic() - began
    server.terminate()
    lags = sorted(total.lags)
    print(
        f"monitors={args.monitors} interval=60s minutes={args.minutes} "
        f"concurrency={args.concurrency}"
    )
    print(
        f"checks={total.checks} failures={total.failures} elapsed={elapsed:.0f}s "
        f"checks/min={60 * total.checks / elapsed:.0f}"
    )
    print(
        f"lag p50={total.lag_percentile(0.5) * 1000:.0f} ms "
        f"p95={total.lag_percentile(0.95) * 1000:.0f} ms max={lags[-1] * 1000:.0f} ms "
        f"mean={statistics.fmean(lags) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
