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

from belvedere.core.worker import DEFAULT_WORKERS

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WORKER_STOP_TIMEOUT = 30.0


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


def start_worker(queue_workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "belvedere", "worker", "--workers", str(queue_workers)]
    return subprocess.Popen(command, start_new_session=True, preexec_fn=_die_with_parent)


def stop_worker(process: subprocess.Popen, timeout: float = WORKER_STOP_TIMEOUT) -> None:
    """SIGINT lets running tasks finish; SIGTERM, then SIGKILL, if that takes too long."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class WSGIServer(BaseApplication):
    """Gunicorn, configured in code, serving `belvedere.wsgi:application`."""

    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

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
        "graceful_timeout": 20,
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


def serve(options: ServerOptions, *, write: Callable[[str], None] = print) -> None:
    """Migrate, start the worker, then serve HTTP until SIGINT or SIGTERM."""
    check_address(options.host, options.port)
    write("Applying database migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    connections.close_all()  # gunicorn forks: no connection may be shared
    master = os.getpid()
    worker = start_worker(options.queue_workers) if options.with_worker else None
    if worker is not None:
        write(f"Background worker started (pid {worker.pid}).")

    def ready() -> None:
        write(f"Belvedere is running at {server_url(options.host, options.port)}")
        write("Press Ctrl-C to stop.")

    try:
        WSGIServer(gunicorn_options(options, ready)).run()
    finally:
        # gunicorn's own workers leave through this block too: only the master stops the worker.
        if worker is not None and os.getpid() == master:
            stop_worker(worker)
