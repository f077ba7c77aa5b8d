"""A plain webhook: POST a JSON description of the issue; closed by a call back to Belvedere.

The receiver answers later with ``POST /uptime/trackers/<id>/webhook`` (header
``X-Belvedere-Secret``) and ``{"id": "<reference>", "state": "closed"}``.
"""

from belvedere.uptime.trackers import Issue
from belvedere.uptime.trackers.http import call


def create_issue(tracker, *, title: str, body: str, reference: str) -> Issue:
    payload = {"event": "opened", "id": reference, "title": title, "body": body}
    call("POST", tracker.base_url, headers=_headers(tracker), payload=payload, expect_json=False)
    return Issue(id=reference)


def close_issue(tracker, issue_id: str, *, comment: str = "") -> None:
    payload = {"event": "closed", "id": issue_id, "body": comment}
    call("POST", tracker.base_url, headers=_headers(tracker), payload=payload, expect_json=False)


def _headers(tracker) -> dict[str, str]:
    return {"Authorization": f"Bearer {tracker.token}"} if tracker.token else {}


def is_closed(tracker, issue_id: str) -> bool | None:
    return None


def closed_issue(payload: dict) -> str | None:
    if payload.get("state") in ("closed", "resolved", "done") and payload.get("id"):
        return str(payload["id"])
    return None


def check(tracker) -> str:
    """POST a test event; the receiver should answer 2xx and ignore it."""
    payload = {"event": "test", "id": "test", "title": "Belvedere test", "body": ""}
    call("POST", tracker.base_url, headers=_headers(tracker), payload=payload, expect_json=False)
    return tracker.base_url
