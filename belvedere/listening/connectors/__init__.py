"""Connectors, one module per kind; importing this package registers them all."""

from belvedere.listening.connectors import (  # noqa: F401
    bluesky,
    hackernews,
    mastodon,
    reddit,
    rss,
    upload,
    webpage,
)
from belvedere.listening.connectors.base import (
    Connector,
    ConnectorError,
    FetchResult,
    RawMention,
    all_connectors,
    get_connector,
    kind_choices,
)

__all__ = [
    "Connector",
    "ConnectorError",
    "FetchResult",
    "RawMention",
    "all_connectors",
    "get_connector",
    "kind_choices",
]
