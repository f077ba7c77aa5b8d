"""Bluesky: ``app.bsky.feed.searchPosts`` on a configurable AppView (or PDS)."""

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
    url_field,
)

PAGE_SIZE = 100


class BlueskyConfig(ConfigForm):
    base_url = url_field(
        gettext_lazy("AppView address"),
        initial="https://public.api.bsky.app",
        help_text=gettext_lazy("The public AppView, or your own PDS/AppView."),
    )
    query = forms.CharField(label=gettext_lazy("Search words"), max_length=300)
    language = forms.CharField(
        label=gettext_lazy("Language (optional)"), max_length=12, required=False
    )
    max_pages = forms.IntegerField(
        label=gettext_lazy("Pages per run"), min_value=1, max_value=10, initial=2
    )


def post_url(uri: str, handle: str) -> str:
    """``at://did/app.bsky.feed.post/<rkey>`` → ``https://bsky.app/profile/<handle>/post/<rkey>``."""
    rkey = uri.rsplit("/", 1)[-1] if uri.startswith("at://") else ""
    return f"https://bsky.app/profile/{handle}/post/{rkey}" if rkey and handle else ""


def to_mention(post: dict) -> RawMention | None:
    if not isinstance(post, dict) or not post.get("uri"):
        return None
    author = post.get("author") or {}
    record = post.get("record") or {}
    handle = author.get("handle", "")
    langs = record.get("langs") or []
    return RawMention(
        external_id=post["uri"],
        url=post_url(post["uri"], handle),
        text=str(record.get("text", "")),
        author_name=author.get("displayName") or handle,
        author_handle=f"@{handle}" if handle else "",
        author_url=f"https://bsky.app/profile/{handle}" if handle else "",
        author_followers=as_int(author["followersCount"]) if "followersCount" in author else None,
        community="bsky.app",
        language=langs[0] if langs and isinstance(langs[0], str) else "",
        published_at=parse_time(record.get("createdAt") or post.get("indexedAt")),
        engagement={
            "likes": as_int(post.get("likeCount")),
            "shares": as_int(post.get("repostCount")) + as_int(post.get("quoteCount")),
            "replies": as_int(post.get("replyCount")),
        },
        extra={"cid": post.get("cid", "")},
    )


@register
class BlueskyConnector(Connector):
    kind = "bluesky"
    label = gettext_lazy("Bluesky")
    platform = "bluesky"
    config_form = BlueskyConfig

    def fetch(self, source, client) -> FetchResult:
        config = source.config
        url = config["base_url"].rstrip("/") + "/xrpc/app.bsky.feed.searchPosts"
        params = {"q": config["query"], "limit": PAGE_SIZE, "sort": "latest"}
        if config.get("language"):
            params["lang"] = config["language"]
        if source.cursor:  # the newest time seen: only what came after it
            params["since"] = source.cursor
        items, newest = [], source.cursor
        for _page in range(int(config.get("max_pages") or 2)):
            data, _response = get_json(client, url, params=params)
            if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
                raise ConnectorError(gettext_lazy("The AppView answered an unexpected document."))
            for post in data["posts"]:
                mention = to_mention(post)
                if mention:
                    items.append(mention)
                    stamp = post.get("indexedAt") or ""
                    newest = max(newest, stamp) if isinstance(stamp, str) else newest
            if not data.get("cursor") or not data["posts"]:
                break
            params = {**params, "cursor": data["cursor"]}
        return FetchResult(items=items, cursor=newest)
