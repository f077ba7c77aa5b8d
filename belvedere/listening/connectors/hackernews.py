"""Hacker News through the Algolia search API (stories and comments, newest first)."""

from django import forms
from django.utils.translation import gettext_lazy

from belvedere.listening.connectors.base import (
    ConfigForm,
    Connector,
    ConnectorError,
    FetchResult,
    RawMention,
    as_int,
    get_json,
    parse_time,
    register,
    strip_html,
    url_field,
)

API = "https://hn.algolia.com"
ITEM = "https://news.ycombinator.com/item?id="


class HackerNewsConfig(ConfigForm):
    base_url = url_field(gettext_lazy("API address"), initial=API)
    query = forms.CharField(label=gettext_lazy("Search words"), max_length=300)


def to_mention(hit: dict) -> RawMention | None:
    if not isinstance(hit, dict) or not hit.get("objectID"):
        return None
    is_comment = "comment" in (hit.get("_tags") or []) or hit.get("comment_text")
    author = hit.get("author") or ""
    return RawMention(
        external_id=str(hit["objectID"]),
        url=ITEM + str(hit["objectID"]),
        title=hit.get("title") or hit.get("story_title") or "",
        text=strip_html(hit.get("comment_text") or hit.get("story_text") or ""),
        author_name=author,
        author_handle=author,
        author_url=f"https://news.ycombinator.com/user?id={author}" if author else "",
        community="news.ycombinator.com",
        language="",
        published_at=parse_time(hit.get("created_at_i") or hit.get("created_at")),
        engagement={
            "points": as_int(hit.get("points")),
            "replies": as_int(hit.get("num_comments")),
        },
        extra={"kind": "comment" if is_comment else "story", "link": hit.get("url") or ""},
    )


@register
class HackerNewsConnector(Connector):
    kind = "hackernews"
    label = gettext_lazy("Hacker News")
    platform = "hackernews"
    config_form = HackerNewsConfig

    def fetch(self, source, client) -> FetchResult:
        base = (source.config.get("base_url") or API).rstrip("/")
        params = {"query": source.config["query"], "tags": "(story,comment)", "hitsPerPage": 100}
        if source.cursor.isdigit():
            params["numericFilters"] = f"created_at_i>{source.cursor}"
        data, _response = get_json(client, f"{base}/api/v1/search_by_date", params=params)
        if not isinstance(data, dict) or not isinstance(data.get("hits"), list):
            raise ConnectorError(gettext_lazy("The search API answered an unexpected document."))
        items = [m for m in map(to_mention, data["hits"]) if m]
        stamps = [as_int(h.get("created_at_i")) for h in data["hits"] if isinstance(h, dict)]
        newest = max([*stamps, as_int(source.cursor)])
        return FetchResult(items=items, cursor=str(newest) if newest else "")
