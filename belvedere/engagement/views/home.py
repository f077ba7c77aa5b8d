"""Engagement's panel on the home page: the next events the reader may see, if any."""

from belvedere.engagement.queries import events as queries


def home_panel(request) -> dict | None:
    events = list(queries.list_events(request.user).order_by("starts_at")[:3])
    return {"events": events} if events else None
