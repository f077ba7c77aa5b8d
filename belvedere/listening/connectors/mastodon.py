"""Mastodon (any instance): hashtag timeline or status search, newest first, paged by Link."""

import re
from urllib.parse import quote, urlsplit

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
    strip_html,
    url_field,
)

PAGE_SIZE = 40
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')


class MastodonConfig(ConfigForm):
    instance = url_field(
        gettext_lazy("Instance"), help_text=gettext_lazy("https://mastodon.social")
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("What to read"),
        choices=[("hashtag", gettext_lazy("Hashtag timeline")), ("search", gettext_lazy("Search"))],
    )
    term = forms.CharField(label=gettext_lazy("Hashtag or search words"), max_length=200)
    access_token = forms.CharField(
        label=gettext_lazy("Access token (optional)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Many instances search statuses only for signed-in apps."),
    )
    max_pages = forms.IntegerField(
        label=gettext_lazy("Pages per run"), min_value=1, max_value=10, initial=3
    )

    def clean_term(self):
        return self.cleaned_data["term"].strip().lstrip("#")


def to_mention(status: dict, instance_host: str) -> RawMention | None:
    status = status.get("reblog") or status
    if not isinstance(status, dict) or not status.get("id"):
        return None
    account = status.get("account") or {}
    acct = account.get("acct", "")
    community = acct.split("@", 1)[1] if "@" in acct else instance_host
    text = strip_html(status.get("content", ""))
    if status.get("spoiler_text"):
        text = f"{status['spoiler_text']}\n{text}"
    return RawMention(
        external_id=status.get("uri") or f"{instance_host}/{status['id']}",
        url=status.get("url") or status.get("uri") or "",
        text=text,
        author_name=account.get("display_name") or account.get("username", ""),
        author_handle=f"@{acct}" if acct else "",
        author_url=account.get("url", ""),
        author_followers=as_int(account.get("followers_count")) if account else None,
        community=community,
        language=status.get("language") or "",
        published_at=parse_time(status.get("created_at")),
        engagement={
            "likes": as_int(status.get("favourites_count")),
            "shares": as_int(status.get("reblogs_count")),
            "replies": as_int(status.get("replies_count")),
        },
        extra={"id": status["id"], "instance": instance_host},
    )


def _statuses(data, mode: str) -> list:
    statuses = data.get("statuses") if mode == "search" and isinstance(data, dict) else data
    if not isinstance(statuses, list):
        raise ConnectorError(gettext_lazy("The instance answered an unexpected document."))
    return statuses


def first_url(config: dict, cursor: str) -> tuple[str, dict]:
    base = config["instance"].rstrip("/")
    params = {"limit": PAGE_SIZE}
    if config.get("mode") == "search":
        params.update(q=config["term"], type="statuses", resolve="false")
        if cursor:
            params["min_id"] = cursor
        return f"{base}/api/v2/search", params
    if cursor:
        params["since_id"] = cursor
    return f"{base}/api/v1/timelines/tag/{quote(config['term'], safe='')}", params


@register
class MastodonConnector(Connector):
    kind = "mastodon"
    label = gettext_lazy("Mastodon")
    platform = "mastodon"
    config_form = MastodonConfig

    def fetch(self, source, client) -> FetchResult:
        config, mode = source.config, source.config.get("mode", "hashtag")
        host = urlsplit(config["instance"]).hostname or ""
        headers = (
            {"Authorization": f"Bearer {config['access_token']}"}
            if config.get("access_token")
            else {}
        )
        url, params = first_url(config, source.cursor)
        items, newest, wait = [], source.cursor, None
        for _page in range(int(config.get("max_pages") or 3)):
            data, response = get_json(client, url, params=params, headers=headers)
            for status in _statuses(data, mode):
                mention = to_mention(status, host) if isinstance(status, dict) else None
                if mention:
                    items.append(mention)
                    newest = max(newest or "", str(status["id"]), key=lambda i: (len(i), i))
            wait = rate_limit_wait(response.headers)
            link = _NEXT.search(response.headers.get("link", ""))
            if wait or not link or mode == "search":
                break
            url, params = link.group(1), None
        return FetchResult(items=items, cursor=str(newest or ""), retry_after=wait)
