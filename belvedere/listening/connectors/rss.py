"""RSS and Atom feeds (feedparser), with ETag / Last-Modified."""

import calendar
import hashlib
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from belvedere.listening.connectors.base import (
    ConfigForm,
    Connector,
    ConnectorError,
    FetchResult,
    RawMention,
    check_response,
    register,
    strip_html,
    url_field,
)

MAX_ITEMS = 500


class RssConfig(ConfigForm):
    url = url_field(gettext_lazy("Feed address"))


def conditional_headers(source) -> dict[str, str]:
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers


def _when(entry) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _text(entry) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return strip_html(content["value"])
    return strip_html(entry.get("summary", ""))


def to_mention(entry, feed: dict, feed_url: str) -> RawMention:
    link = entry.get("link", "")
    title = strip_html(entry.get("title", ""))
    text = _text(entry)
    ident = entry.get("id") or link or hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    host = urlsplit(link or feed.get("link", "") or feed_url).hostname or ""
    return RawMention(
        external_id=f"{feed_url}#{ident}"[:300],
        url=link,
        title=title,
        text=text,
        author_name=strip_html(entry.get("author", "")),
        author_url=(entry.get("author_detail") or {}).get("href", ""),
        community=host,
        language=(entry.get("language") or feed.get("language") or "")[:12],
        published_at=_when(entry),
        extra={"feed": strip_html(feed.get("title", ""))[:200]},
    )


def parse_feed(content: bytes, *, url: str, content_type: str = "") -> list[RawMention]:
    """Mentions of a feed document; ConnectorError if nothing can be read from it."""
    # Without a Content-Type, parse as a file: feedparser would call a header-less HTTP
    # answer malformed, when the document's own declaration is what counts.
    headers = {"content-type": content_type, "content-location": url} if content_type else None
    try:
        parsed = feedparser.parse(content, response_headers=headers, sanitize_html=False)
    except Exception as exc:  # feedparser's parsers may raise on very broken input
        raise ConnectorError(_("The feed cannot be read: %(error)s") % {"error": exc})
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception") or _("malformed document")
            raise ConnectorError(_("The feed is malformed: %(error)s") % {"error": reason})
        if not parsed.get("version"):
            raise ConnectorError(_("This address does not hold an RSS or Atom feed."))
    return [to_mention(entry, parsed.feed, url) for entry in parsed.entries[:MAX_ITEMS]]


@register
class RssConnector(Connector):
    kind = "rss"
    label = gettext_lazy("RSS / Atom feed")
    platform = "rss"
    config_form = RssConfig

    def fetch(self, source, client) -> FetchResult:
        url = source.config["url"]
        response = client.get(url, headers=conditional_headers(source))
        if response.status_code == 304:
            return FetchResult(
                not_modified=True,
                etag=source.etag,
                cursor=source.cursor,
                last_modified=source.last_modified,
            )
        check_response(response)
        items = parse_feed(
            response.content, url=url, content_type=response.headers.get("content-type", "")
        )
        return FetchResult(
            items=items,
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
        )
