"""Uptime's panel on the home page: the platform's overall state, once there are components."""

from belvedere.uptime import status


def home_panel(request) -> dict | None:
    headline = status.headline()
    return headline if headline["components"] else None
