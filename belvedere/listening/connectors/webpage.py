"""A web page: one mention per element matching a CSS selector (selectolax)."""

import hashlib
from urllib.parse import urljoin, urlsplit

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from belvedere.listening.connectors.base import (
    ConfigForm,
    Connector,
    ConnectorError,
    FetchResult,
    RawMention,
    check_response,
    register,
    url_field,
)
from belvedere.listening.connectors.rss import conditional_headers

MAX_ITEMS = 200


def _check_selector(value: str) -> str:
    try:
        HTMLParser("<p></p>").css(value)
    except Exception:
        raise forms.ValidationError(_("This is not a valid CSS selector."))
    return value


class WebPageConfig(ConfigForm):
    url = url_field(gettext_lazy("Page address"))
    item_selector = forms.CharField(
        label=gettext_lazy("Item selector"),
        max_length=300,
        validators=[_check_selector],
        help_text=gettext_lazy("CSS selector of each item, e.g. article.review"),
    )
    title_selector = forms.CharField(
        label=gettext_lazy("Title selector (inside an item)"),
        max_length=300,
        required=False,
        validators=[_check_selector],
    )
    author_selector = forms.CharField(
        label=gettext_lazy("Author selector (inside an item)"),
        max_length=300,
        required=False,
        validators=[_check_selector],
    )


def _first_text(node, selector: str) -> str:
    if not selector:
        return ""
    found = node.css_first(selector)
    return found.text(separator=" ", strip=True) if found else ""


def extract(html: str, *, url: str, config: dict) -> list[RawMention]:
    """Mentions of a page; the id of each is a hash of the page address and the item text."""
    try:
        nodes = HTMLParser(html).css(config["item_selector"])
    except Exception as exc:
        raise ConnectorError(_("The selector cannot be used: %(error)s") % {"error": exc})
    host, items = urlsplit(url).hostname or "", []
    for node in nodes[:MAX_ITEMS]:
        text = node.text(separator=" ", strip=True)
        if not text:
            continue
        link = node.css_first("a[href]")
        href = urljoin(url, link.attributes.get("href") or "") if link else ""
        digest = hashlib.sha256(f"{url}\n{text}".encode()).hexdigest()
        items.append(
            RawMention(
                external_id=f"web:{digest}",
                url=href if href.startswith(("http://", "https://")) and href != url else "",
                title=_first_text(node, config.get("title_selector", "")),
                text=text,
                author_name=_first_text(node, config.get("author_selector", "")),
                community=host,
                extra={"page": url},
            )
        )
    return items


@register
class WebPageConnector(Connector):
    kind = "webpage"
    label = gettext_lazy("Web page (CSS selector)")
    platform = "web"
    config_form = WebPageConfig

    def fetch(self, source, client) -> FetchResult:
        url = source.config["url"]
        response = client.get(url, headers=conditional_headers(source))
        if response.status_code == 304:
            return FetchResult(
                not_modified=True, etag=source.etag, last_modified=source.last_modified
            )
        check_response(response)
        return FetchResult(
            items=extract(response.text, url=url, config=source.config),
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
        )
