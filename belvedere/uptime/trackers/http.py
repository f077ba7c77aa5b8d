"""JSON requests to a tracker's API, through the guarded client (the base URL is typed)."""

import json
from typing import Any

from belvedere.core.http import guarded_client
from belvedere.net import FetchError
from belvedere.uptime.trackers import TrackerError

TIMEOUT = 15.0


def call(
    method: str, url: str, *, headers: dict[str, str], payload: Any = None, expect_json: bool = True
) -> Any:
    """Send one request; the decoded JSON answer (or None), TrackerError on any failure."""
    headers = {"Accept": "application/json", **headers}
    content = None
    if payload is not None:
        content = json.dumps(payload).encode()
        headers["Content-Type"] = "application/json"
    try:
        with guarded_client(connect_timeout=TIMEOUT, read_timeout=TIMEOUT, total_timeout=30) as c:
            response = c.request(method, url, headers=headers, content=content)
    except FetchError as exc:
        raise TrackerError(str(exc))
    if response.status_code >= 400:
        raise TrackerError(
            f"{method} {url} answered {response.status_code}: {response.text[:200].strip()}"
        )
    if not expect_json or not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise TrackerError(f"{method} {url} did not answer JSON")


def field(data: Any, *path: str) -> Any:
    """data[path[0]][path[1]]… or TrackerError naming what is missing."""
    for key in path:
        if not isinstance(data, dict) or key not in data:
            raise TrackerError(f"the tracker's answer has no {'.'.join(path)}")
        data = data[key]
    return data
