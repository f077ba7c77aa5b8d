"""The production server: gunicorn serving Belvedere, with the background worker beside it.

`belvedere serve` and `belvedere demo` both call `serve()`. The worker is a child process
(`python -m belvedere worker`) in its own session, so that a Ctrl-C in the terminal reaches
only this process, which then stops gunicorn and the worker in order, with no orphan left.
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
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from belvedere.core.worker import DEFAULT_GRACE, DEFAULT_WORKERS

PR_SET_PDEATHSIG = 1  # linux/prctl.h


class ServerError(Exception):
    """A problem the person starting the server can fix (bad host, port in use…)."""


def default_http_workers() -> int:
    """Gunicorn processes: cores + 1, at least 2 and at most 4 (SQLite likes few writers)."""
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
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
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


class StoppingArbiter(Arbiter):
    """Gunicorn's master, which also tells the worker to stop when a stop signal comes,
    so that both shut down at the same time."""

    def handle_int(self) -> None:
        self.app.on_stop()
        super().handle_int()

    def handle_term(self) -> None:
        self.app.on_stop()
        super().handle_term()

    def handle_quit(self) -> None:
        self.app.on_stop()
        super().handle_quit()


class WSGIServer(BaseApplication):
    """Gunicorn, configured in code, serving `belvedere.wsgi:application`."""

    def __init__(self, options: dict, on_stop: Callable[[], None]) -> None:
        self.options = options
        self.on_stop = on_stop
        super().__init__()

    def run(self) -> None:
        StoppingArbiter(self).run()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings that newer gunicorns added
                self.cfg.set(key, value)

    def load(self) -> Callable:
        from belvedere.wsgi import application

        return application


def gunicorn_options(options: ServerOptions, on_ready: Callable[[], None]) -> dict:
    return {
        "bind": [f"{_host_for_url(options.host)}:{options.port}"],
        "workers": options.workers,
        "worker_class": "gthread",
        "threads": options.threads,
        "timeout": 60,
        "graceful_timeout": options.grace,
        "keepalive": 5,
        "max_requests": 2000,
        "max_requests_jitter": 200,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "belvedere",
        "control_socket_disable": True,
        "when_ready": lambda _arbiter: on_ready(),
    }


def serve(
    options: ServerOptions, *, write: Callable[[str], None] = print, banner: str = ""
) -> None:
    """Migrate, start the worker, then serve HTTP until SIGINT or SIGTERM.

    `banner` (e.g. the demo logins) is printed with the URL once the server listens."""
    check_address(options.host, options.port)
    write("Applying database migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    connections.close_all()  # gunicorn forks: no connection may be shared
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

    try:
        WSGIServer(gunicorn_options(options, ready), on_stop=worker_stop).run()
    finally:
        # gunicorn's own workers leave through this block too: only the master stops the worker.
        if worker is not None and os.getpid() == master:
            worker.stop()
