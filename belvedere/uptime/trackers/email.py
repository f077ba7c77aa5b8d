"""Email to the technical team's inbox; they close it by calling the webhook or in the UI."""

from django.core.mail import send_mail

from belvedere.uptime.trackers import Issue, TrackerError


def _recipients(tracker) -> list[str]:
    found = [part.strip() for part in tracker.email_to.replace(";", ",").split(",") if part.strip()]
    if not found:
        raise TrackerError("this email tracker has no address to send to")
    return found


def create_issue(tracker, *, title: str, body: str, reference: str) -> Issue:
    send_mail(f"[{reference}] {title}", body, None, _recipients(tracker))
    return Issue(id=reference)


def close_issue(tracker, issue_id: str, *, comment: str = "") -> None:
    send_mail(f"[{issue_id}] closed", comment or "Closed.", None, _recipients(tracker))


def is_closed(tracker, issue_id: str) -> bool | None:
    return None


def closed_issue(payload: dict) -> str | None:
    if payload.get("state") in ("closed", "resolved", "done") and payload.get("id"):
        return str(payload["id"])
    return None


def check(tracker) -> str:
    recipients = _recipients(tracker)
    send_mail("[test] Belvedere tracker", "This tracker is set up.", None, recipients)
    return ", ".join(recipients)
