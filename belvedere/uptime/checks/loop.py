"""An asyncio event loop in a thread of its own that runs probes at their due time.

The calling (worker) thread keeps the ORM: it claims due monitors, submits their targets,
and drains finished checks from a thread-safe queue to store them. The loop thread never
touches the database.
"""

import asyncio
import queue
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from belvedere.net import AddressPolicy, AsyncGuardedClient
from belvedere.uptime.checks.probes import Outcome, Target, probe

CONNECTIONS_PER_CLIENT = 20  # the guarded transport's pool size


@dataclass(frozen=True)
class Finished:
    target: Target
    outcome: Outcome
    started_at: datetime

    @property
    def lag_seconds(self) -> float:
        return (self.started_at - self.target.due).total_seconds()


class CheckLoop:
    """Submit targets from any thread; collect `Finished` items with `drain()`."""

    def __init__(self, client_options: dict[str, Any], *, concurrency: int = 200) -> None:
        self.options = client_options
        self.concurrency = max(1, concurrency)
        self.pending = 0
        self._results: queue.Queue[Finished] = queue.Queue()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="uptime-checks", daemon=True)

    def __enter__(self) -> "CheckLoop":
        self._thread.start()
        self._ready.wait()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()
        self._loop.close()

    def submit(self, targets: list[Target]) -> None:
        if targets:
            self.pending += len(targets)
            self._loop.call_soon_threadsafe(self._spawn, list(targets))

    def drain(self, timeout: float) -> list[Finished]:
        """What finished, waiting up to `timeout` seconds for the first item."""
        items: list[Finished] = []
        try:
            items.append(self._results.get(timeout=timeout))
            while True:
                items.append(self._results.get_nowait())
        except queue.Empty:
            pass
        self.pending -= len(items)
        return items

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._main())

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        self._tasks: set[asyncio.Task] = set()
        self._semaphore = asyncio.Semaphore(self.concurrency)
        self._policy = AddressPolicy.build(
            allow_private=self.options.get("allow_private", False),
            allow_hosts=self.options.get("allow_hosts", ()),
        )
        count = max(1, -(-self.concurrency // CONNECTIONS_PER_CLIENT))
        limits = {"connect_timeout": 60, "read_timeout": 60, "total_timeout": 60}
        self._clients = [
            AsyncGuardedClient(max_bytes=1024 * 1024, **limits, **self.options)
            for _ in range(count)
        ]
        self._ready.set()
        await self._stop.wait()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for client in self._clients:
            await client.aclose()

    def _spawn(self, targets: list[Target]) -> None:
        for target in targets:
            task = self._loop.create_task(self._one(target))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _one(self, target: Target) -> None:
        delay = (target.due - datetime.now(UTC)).total_seconds()
        if delay > 0:
            await asyncio.sleep(delay)
        async with self._semaphore:
            started = datetime.now(UTC)
            client = self._clients[target.monitor_id % len(self._clients)]
            outcome = await probe(target, client, self._policy)
        self._results.put(Finished(target, outcome, started))
