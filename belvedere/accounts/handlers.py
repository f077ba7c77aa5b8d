"""Receivers: a login is a member action, recorded in the ledger (analytics counts them)."""

from belvedere.activity.services import record


def record_login(sender, request, user, **kwargs) -> None:
    record(user, "member.login", user)
