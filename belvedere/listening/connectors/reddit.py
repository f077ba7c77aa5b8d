"""Reddit: search or a subreddit's new posts, through the public JSON listings."""

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
    rate_limit_wait,
    register,
    url_field,
)

SITE = "https://www.reddit.com"


class RedditConfig(ConfigForm):
    base_url = url_field(gettext_lazy("Reddit address"), initial=SITE)
    mode = forms.ChoiceField(
        label=gettext_lazy("What to read"),
        choices=[("search", gettext_lazy("Search")), ("subreddit", gettext_lazy("Subreddit"))],
    )
    query = forms.CharField(label=gettext_lazy("Search words"), max_length=300, required=False)
    subreddit = forms.RegexField(
        label=gettext_lazy("Subreddit"), regex=r"^(r/)?[A-Za-z0-9_]{2,21}$", required=False
    )

    def clean(self):
        data = super().clean()
        field = "query" if data.get("mode") == "search" else "subreddit"
        if not data.get(field):
            self.add_error(field, gettext_lazy("This field is required."))
        data["subreddit"] = (data.get("subreddit") or "").removeprefix("r/")
        return data


def to_mention(thing: dict, base: str) -> RawMention | None:
    kind, data = thing.get("kind"), thing.get("data") or {}
    if kind not in ("t1", "t3") or not data.get("name"):
        return None
    sub = data.get("subreddit") or ""
    permalink = data.get("permalink") or ""
    if not permalink and kind == "t1" and data.get("link_id"):
        permalink = f"/r/{sub}/comments/{data['link_id'][3:]}/_/{data.get('id', '')}/"
    author = data.get("author") or ""
    return RawMention(
        external_id=data["name"],
        url=f"{base}{permalink}" if permalink.startswith("/") else permalink,
        title=data.get("title") or data.get("link_title") or "",
        text=data.get("selftext") or data.get("body") or "",
        author_name=author,
        author_handle=f"u/{author}" if author else "",
        author_url=f"{base}/user/{author}" if author and author != "[deleted]" else "",
        community=f"r/{sub}" if sub else "",
        reach=as_int(data["subreddit_subscribers"]) if data.get("subreddit_subscribers") else None,
        published_at=parse_time(data.get("created_utc")),
        engagement={
            "score": as_int(data.get("score")),
            "replies": as_int(data.get("num_comments")),
        },
        extra={"kind": kind, "link": data.get("url", "") if kind == "t3" else ""},
    )


@register
class RedditConnector(Connector):
    kind = "reddit"
    label = gettext_lazy("Reddit")
    platform = "reddit"
    config_form = RedditConfig

    def fetch(self, source, client) -> FetchResult:
        config = source.config
        base = (config.get("base_url") or SITE).rstrip("/")
        if config.get("mode") == "subreddit":
            url, params = f"{base}/r/{config['subreddit']}/new.json", {"limit": 100}
        else:
            url = f"{base}/search.json"
            params = {"q": config["query"], "sort": "new", "limit": 100, "raw_json": 1}
        data, response = get_json(client, url, params=params)
        try:
            children = data["data"]["children"]
        except (KeyError, TypeError):
            raise ConnectorError(gettext_lazy("Reddit answered something that is not a listing."))
        things = (to_mention(c, base) for c in children if isinstance(c, dict))
        return FetchResult(
            items=[m for m in things if m], retry_after=rate_limit_wait(response.headers)
        )
