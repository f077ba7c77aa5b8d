"""The forum's panel on the home page: the latest topics the reader may read."""

from belvedere.forum import queries


def home_panel(request) -> dict:
    topics = queries.list_topics(request.user).order_by("-last_post_at", "-id")[:5]
    return {"topics": topics}
