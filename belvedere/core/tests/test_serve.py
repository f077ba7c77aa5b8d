"""`belvedere serve` as a real process: HTTP answers, the worker runs, SIGTERM stops everything."""

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.core.management import CommandError, call_command

from belvedere.core.tests.conftest import PROJECT_ROOT, belvedere_command
from belvedere.core.worker import HEARTBEAT_KEY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(pid: int) -> set[int]:
    """Living processes below `pid`, from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_until(check, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def healthz_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_serve_answers_runs_the_worker_and_stops_cleanly(cli_env, tmp_path):
    port = free_port()
    command = belvedere_command(
        "serve", "--port", str(port), "--workers", "2", "--threads", "2", "--grace", "2",
        "--access-log",
    )  # fmt: skip
    server = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        assert wait_until(lambda: healthz_ok(f"http://127.0.0.1:{port}/"), 120), "no /healthz"
        heartbeats = FileBasedCache(str(tmp_path / "data" / "cache"), {})
        assert wait_until(lambda: heartbeats.get(HEARTBEAT_KEY) is not None, 20), "no worker"
        event = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/event",
            data=b'{"n": "pageview", "u": "http://127.0.0.1/", "d": "127.0.0.1"}',
            headers={"Content-Type": "text/plain", "User-Agent": "Mozilla/5.0 Firefox/128.0"},
        )
        with urllib.request.urlopen(event, timeout=5) as response:  # the WSGI shortcut
            assert (response.status, response.read()) == (202, b"ok")
            assert response.headers["Access-Control-Allow-Origin"] == "*"
        with pytest.raises(urllib.error.HTTPError) as missing:  # Django behind it
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page/", timeout=5)
        assert missing.value.code == 404
        children = descendants(server.pid)
        assert len(children) >= 3  # 2 HTTP workers and the background worker
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=40)[0].decode()
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0
    assert f"Belvedere is running at http://127.0.0.1:{port}/" in output
    assert '"POST /api/event HTTP/1.1" 202' in output  # --access-log
    assert wait_until(lambda: not any(alive(pid) for pid in children), 5), "orphans left"


def test_serve_refuses_a_port_out_of_range_without_a_traceback(cli_env):
    run = subprocess.run(
        belvedere_command("serve", "--port", "70000"),
        cwd=PROJECT_ROOT,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 1
    assert "--port must be between 1 and 65535" in run.stderr
    assert "Traceback" not in run.stderr


def test_serve_refuses_a_port_in_use():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match="already in use"):
            call_command("serve", "--port", str(port), stdout=StringIO())


def test_serve_refuses_an_unknown_host():
    with pytest.raises(CommandError, match="not a known host name"):
        call_command("serve", "--host", "no-such-host.invalid", stdout=StringIO())


def test_serve_refuses_zero_workers():
    with pytest.raises(CommandError, match="--workers must be between 1 and 64"):
        call_command("serve", "--workers", "0", stdout=StringIO())
