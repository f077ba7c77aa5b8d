"""The production server: Granian serving Belvedere, with the background worker beside it.

`belvedere serve` and `belvedere demo` both call `serve()`. The worker is a child process
(`python -m belvedere worker`) in its own session, so that a Ctrl-C in the terminal reaches
only this process, which then stops the HTTP workers and the background worker together, with
no orphan left.
"""

import errno
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import connections

from belvedere.core.worker import DEFAULT_GRACE, DEFAULT_WORKERS

PR_SET_PDEATHSIG = 1  # linux/prctl.h


class ServerError(Exception):
    """A problem the person starting the server can fix (bad host, port in use…)."""


def default_http_workers() -> int:
    """HTTP worker processes: cores + 1, at least 2 and at most 4 (SQLite likes few writers)."""
    return min(max(2, (os.cpu_count() or 1) + 1), 4)


@dataclass(frozen=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = field(default_factory=default_http_workers)
    threads: int = 4
    with_worker: bool = True
    queue_workers: int = DEFAULT_WORKERS
    grace: int = DEFAULT_GRACE
    access_log: bool = False


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def server_url(host: str, port: int) -> str:
    return f"http://{_host_for_url(host)}:{port}/"


def check_address(host: str, port: int) -> None:
    """Fail early, with a sentence, when the server could not listen on host:port."""
    if not 1 <= port <= 65535:
        raise ServerError(f"--port must be between 1 and 65535; got {port}.")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ServerError(f"--host {host!r} is not a known host name or IP address ({exc}).")
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except PermissionError:
            raise ServerError(f"Not allowed to listen on port {port}: choose a port above 1023.")
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServerError(
                    f"Port {port} on {host} is already in use: stop the other server "
                    "or choose another --port."
                )
            if exc.errno == errno.EADDRNOTAVAIL:
                raise ServerError(f"{host} is not an address of this machine.")
            raise ServerError(f"Cannot listen on {host}:{port}: {exc.strerror}.")


def _die_with_parent() -> None:  # pragma: no cover (runs in the child, before exec)
    """Linux: the worker gets SIGTERM if serve itself is killed, so it never outlives it."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class WorkerProcess:
    """The background worker as a child process (`python -m belvedere worker`)."""

    def __init__(self, queue_workers: int, grace: int) -> None:
        self.grace = grace
        command = [sys.executable, "-m", "belvedere", "worker"]
        command += ["--workers", str(queue_workers), "--grace", str(grace)]
        self.process = subprocess.Popen(
            command, start_new_session=True, preexec_fn=_die_with_parent
        )
        self.pid = self.process.pid
        self._asked = False

    def request_stop(self) -> None:
        """SIGINT, once: the worker finishes its running tasks (up to `grace` seconds)."""
        if not self._asked and self.process.poll() is None:
            self._asked = True
            self.process.send_signal(signal.SIGINT)

    def stop(self) -> None:
        """Ask, wait, then SIGTERM and SIGKILL if the worker does not leave in time."""
        self.request_stop()
        if self._exited_within(self.grace + 5):
            return
        self.process.terminate()
        if not self._exited_within(5):
            self.process.kill()
            self.process.wait()

    def _exited_within(self, seconds: float) -> bool:
        try:
            self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return False
        return True


def granian_server(options: ServerOptions, on_stop: Callable[[], None]):
    """Granian serving `belvedere.wsgi:application`: `workers` processes forked from this one,
    each running `threads` Python threads behind Granian's HTTP stack (Rust). `on_stop` is
    called as soon as a stop signal comes, so the background worker stops at the same time."""
    from granian.constants import HTTPModes, Interfaces
    from granian.server import Server

    class StoppingServer(Server):
        def signal_handler_interrupt(self, *args, **kwargs) -> None:
            on_stop()
            super().signal_handler_interrupt(*args, **kwargs)

    return StoppingServer(
        "belvedere.wsgi:application",
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        workers=options.workers,
        blocking_threads=options.threads,
        http=HTTPModes.http1,
        websockets=False,
        log_access=options.access_log,
        respawn_failed_workers=True,
        workers_kill_timeout=max(options.grace, 1),
    )


def serve(
    options: ServerOptions, *, write: Callable[[str], None] = print, banner: str = ""
) -> None:
    """Migrate, start the worker, then serve HTTP until SIGINT or SIGTERM.

    `banner` (e.g. the demo logins) is printed with the URL once the server listens."""
    check_address(options.host, options.port)
    write("Applying database migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    connections.close_all()  # the HTTP workers are forked: no connection may be shared
    master = os.getpid()
    worker = WorkerProcess(options.queue_workers, options.grace) if options.with_worker else None
    if worker is not None:
        write(f"Background worker started (pid {worker.pid}).")

    def worker_stop() -> None:
        if worker is not None:
            worker.request_stop()

    def ready() -> None:
        if banner:
            write(banner)
        write(f"Belvedere is running at {server_url(options.host, options.port)}")
        write("Press Ctrl-C to stop.")

    server = granian_server(options, on_stop=worker_stop)
    server.on_startup(ready)  # the socket listens by then; HTTP workers are forked next
    try:
        server.serve()
    finally:
        # forked HTTP workers never reach this block (they leave with os._exit); the check guards it
        if worker is not None and os.getpid() == master:
            worker.stop()
