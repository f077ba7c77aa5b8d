"""The check runner: claim due monitors, probe them concurrently at their due time, store.

`run_checks(seconds=55)` is what the periodic task runs each minute: it claims every second
the monitors due within `lookahead` seconds, so each probe starts on time (the loop sleeps
until its due time), and stores finished checks as they arrive. `run_checks()` (seconds=0)
runs what is due now once and waits for it: tests and the `uptime_check` command use it.
"""

import statistics
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from belvedere.core.http import client_options
from belvedere.uptime.checks.loop import CheckLoop, Finished
from belvedere.uptime.services.checks import claim_due, process_results

DEFAULT_CONCURRENCY = 200


@dataclass
class RunStats:
    checks: int = 0
    failures: int = 0
    lags: list[float] = field(default_factory=list)

    def add(self, finished: list[Finished]) -> None:
        self.checks += len(finished)
        self.failures += sum(1 for item in finished if not item.outcome.ok)
        self.lags += [item.lag_seconds for item in finished]

    def lag_percentile(self, share: float) -> float:
        if len(self.lags) < 2:
            return self.lags[0] if self.lags else 0.0
        return statistics.quantiles(self.lags, n=100, method="inclusive")[int(share * 100) - 1]


def _store(finished: list[Finished], stats: RunStats) -> None:
    if finished:
        process_results(finished)
        stats.add(finished)


def run_checks(
    *,
    seconds: float = 0.0,
    lookahead: float = 5.0,
    tick: float = 1.0,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> RunStats:
    """Run due checks for `seconds` (0: only what is due now), then finish those in flight."""
    stats = RunStats()
    options = client_options()
    with CheckLoop(options, concurrency=concurrency) as loop:
        stop_at = time.monotonic() + seconds
        while True:
            ahead = timedelta(seconds=lookahead if seconds else 0)
            targets, decided = claim_due(timezone.now() + ahead)
            loop.submit(targets)
            _store(decided, stats)
            if time.monotonic() >= stop_at:
                break
            _store(loop.drain(timeout=tick), stats)
        while loop.pending:
            _store(loop.drain(timeout=1.0), stats)
    return stats
