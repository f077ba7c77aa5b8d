"""Jira issues: POST /rest/api/2/issue; closed by the first transition into "done"."""

import base64

from belvedere.uptime.trackers import Issue, TrackerError
from belvedere.uptime.trackers.http import call, field

ISSUE_TYPE = "Bug"


def _base(tracker) -> str:
    return tracker.base_url.rstrip("/")


def _headers(tracker) -> dict[str, str]:
    if tracker.username:
        pair = f"{tracker.username}:{tracker.token}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode()}
    return {"Authorization": f"Bearer {tracker.token}"}


def create_issue(tracker, *, title: str, body: str, reference: str) -> Issue:
    fields = {
        "project": {"key": tracker.project.strip()},
        "summary": title[:250],
        "description": body,
        "issuetype": {"name": ISSUE_TYPE},
        "labels": ["belvedere"],
    }
    data = call(
        "POST",
        f"{_base(tracker)}/rest/api/2/issue",
        headers=_headers(tracker),
        payload={"fields": fields},
    )
    key = str(field(data, "key"))
    return Issue(id=key, url=f"{_base(tracker)}/browse/{key}")


def close_issue(tracker, issue_id: str, *, comment: str = "") -> None:
    url = f"{_base(tracker)}/rest/api/2/issue/{issue_id}"
    if comment:
        call("POST", f"{url}/comment", headers=_headers(tracker), payload={"body": comment})
    data = call("GET", f"{url}/transitions", headers=_headers(tracker))
    done = [
        t
        for t in data.get("transitions", [])
        if (t.get("to") or {}).get("statusCategory", {}).get("key") == "done"
    ]
    if not done:
        raise TrackerError(f"no transition of {issue_id} leads to a done status")
    call(
        "POST",
        f"{url}/transitions",
        headers=_headers(tracker),
        payload={"transition": {"id": done[0]["id"]}},
        expect_json=False,
    )


def _is_done(issue: dict) -> bool:
    status = (issue.get("fields") or {}).get("status") or {}
    return (status.get("statusCategory") or {}).get("key") == "done"


def is_closed(tracker, issue_id: str) -> bool | None:
    url = f"{_base(tracker)}/rest/api/2/issue/{issue_id}?fields=status"
    return _is_done(call("GET", url, headers=_headers(tracker)))


def closed_issue(payload: dict) -> str | None:
    """A `jira:issue_updated` event whose issue now sits in a done status."""
    issue = payload.get("issue") or {}
    if payload.get("webhookEvent") == "jira:issue_updated" and _is_done(issue):
        return str(issue.get("key") or "") or None
    return None


def check(tracker) -> str:
    """Read the project: proves the address, the project key and the credentials."""
    url = f"{_base(tracker)}/rest/api/2/project/{tracker.project.strip()}"
    data = call("GET", url, headers=_headers(tracker))
    data = data if isinstance(data, dict) else {}
    return f"Jira: {data.get('key') or tracker.project} {data.get('name') or ''}".strip()
