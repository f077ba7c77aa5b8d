"""GitLab issues: POST /api/v4/projects/{id}/issues."""

from urllib.parse import quote

from belvedere.uptime.trackers import Issue
from belvedere.uptime.trackers.http import call, field

DEFAULT_BASE = "https://gitlab.com"


def _base(tracker) -> str:
    base = (tracker.base_url or DEFAULT_BASE).rstrip("/")
    if not base.endswith("/api/v4"):
        base += "/api/v4"
    return f"{base}/projects/{quote(tracker.project.strip(), safe='')}"


def _headers(tracker) -> dict[str, str]:
    return {"PRIVATE-TOKEN": tracker.token}


def create_issue(tracker, *, title: str, body: str, reference: str) -> Issue:
    data = call(
        "POST",
        f"{_base(tracker)}/issues",
        headers=_headers(tracker),
        payload={"title": title, "description": body, "labels": "belvedere"},
    )
    return Issue(id=str(field(data, "iid")), url=str(data.get("web_url", "")))


def close_issue(tracker, issue_id: str, *, comment: str = "") -> None:
    url = f"{_base(tracker)}/issues/{issue_id}"
    if comment:
        call("POST", f"{url}/notes", headers=_headers(tracker), payload={"body": comment})
    call("PUT", url, headers=_headers(tracker), payload={"state_event": "close"})


def is_closed(tracker, issue_id: str) -> bool | None:
    data = call("GET", f"{_base(tracker)}/issues/{issue_id}", headers=_headers(tracker))
    return field(data, "state") == "closed"


def closed_issue(payload: dict) -> str | None:
    """An issue hook whose action is "close"."""
    attributes = payload.get("object_attributes") or {}
    if payload.get("object_kind") == "issue" and attributes.get("action") == "close":
        iid = attributes.get("iid")
        return str(iid) if iid is not None else None
    return None


def check(tracker) -> str:
    """Read the project: proves the address, the project and the token."""
    data = call("GET", _base(tracker), headers=_headers(tracker))
    data = data if isinstance(data, dict) else {}
    return f"GitLab: {data.get('path_with_namespace') or tracker.project}"
