"""Who may do what in uptime. Views and API handlers ask here."""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role


def can_manage_monitors(user) -> bool:
    """Monitors, components, maintenance windows: community managers and admins."""
    return has_role(user, Role.MANAGER)


def can_manage_incidents(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_manage_trackers(user) -> bool:
    """Trackers (their tokens are write-only in the UI): community managers and admins."""
    return has_role(user, Role.MANAGER)


def can_report(user) -> bool:
    """Any signed-in, active member may report a problem or suggest an improvement."""
    return has_role(user, Role.MEMBER)


def can_vote(user, report) -> bool:
    return (
        can_report(user)
        and report.kind == "suggestion"
        and report.status
        not in (
            "declined",
            "duplicate",
        )
    )


def can_triage(user) -> bool:
    """Moderators and above read every report and triage it."""
    return has_role(user, Role.MODERATOR)


def can_hand_off(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_view_report(user, report) -> bool:
    if can_triage(user):
        return True
    if report.kind == "suggestion":
        return can_report(user)
    return can_report(user) and report.reporter_id == user.pk
