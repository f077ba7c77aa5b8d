"""GitHub (and GitHub Enterprise) issues: POST /repos/{owner}/{repo}/issues."""

from belvedere.uptime.trackers import Issue
from belvedere.uptime.trackers.http import call, field

DEFAULT_BASE = "https://api.github.com"


def _base(tracker) -> str:
    return (tracker.base_url or DEFAULT_BASE).rstrip("/") + f"/repos/{tracker.project.strip('/')}"


def _headers(tracker) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {tracker.token}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
    }


def create_issue(tracker, *, title: str, body: str, reference: str) -> Issue:
    data = call(
        "POST",
        f"{_base(tracker)}/issues",
        headers=_headers(tracker),
        payload={"title": title, "body": body, "labels": ["belvedere"]},
    )
    return Issue(id=str(field(data, "number")), url=str(data.get("html_url", "")))


def close_issue(tracker, issue_id: str, *, comment: str = "") -> None:
    url = f"{_base(tracker)}/issues/{issue_id}"
    if comment:
        call("POST", f"{url}/comments", headers=_headers(tracker), payload={"body": comment})
    call("PATCH", url, headers=_headers(tracker), payload={"state": "closed"})


def is_closed(tracker, issue_id: str) -> bool | None:
    data = call("GET", f"{_base(tracker)}/issues/{issue_id}", headers=_headers(tracker))
    return field(data, "state") == "closed"


def closed_issue(payload: dict) -> str | None:
    """An `issues` event with action "closed"."""
    issue = payload.get("issue") or {}
    if payload.get("action") == "closed" and issue.get("number") is not None:
        return str(issue["number"])
    return None


def check(tracker) -> str:
    """Read the repository: proves the address, the project and the token."""
    data = call("GET", _base(tracker), headers=_headers(tracker))
    data = data if isinstance(data, dict) else {}
    return f"GitHub: {data.get('full_name') or tracker.project}"
