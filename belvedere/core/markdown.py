"""Markdown to safe HTML, for any text a member writes (posts, event descriptions, notes).

`render_markdown(text)` is a pure function: CommonMark plus tables and strikethrough, raw HTML
off, then the nh3 sanitiser as a second wall. Headings are demoted (h1 → h3 … h4+ → h6) so a
post never outranks the page; images load lazily without a referrer; external links get
`rel="nofollow ugc noopener"`; only http(s), mailto and relative URLs survive.
"""

from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from markdown_it import MarkdownIt

EXTERNAL_REL = "nofollow ugc noopener"
MAX_SOURCE_CHARS = 100_000

ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "s",
    "hr",
    "br",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}
HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


def _site_host() -> str:
    return urlsplit(getattr(settings, "BASE_URL", "")).hostname or ""


def is_external(href: str) -> bool:
    """True for absolute links (incl. protocol-relative) that leave this site."""
    parts = urlsplit(href)
    if not parts.scheme and not href.startswith("//"):
        return False
    return (parts.hostname or "") != _site_host()


def _is_safe_image(src: str) -> bool:
    parts = urlsplit(src.strip())
    if parts.scheme in ("http", "https"):
        return bool(parts.hostname)
    return not parts.scheme and src.startswith("/") and not src.startswith("//")


def _adjust(tokens) -> None:
    """Demote headings and mark external links, walking inline children too."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = HEADING_SHIFT.get(token.tag, token.tag)
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if is_external(href):
                token.attrSet("rel", EXTERNAL_REL)
        if token.children:
            _adjust(token.children)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "img" and attr == "src":
        return value if _is_safe_image(value) else None
    if tag == "a" and attr == "rel":
        return value if value == EXTERNAL_REL else None
    if tag == "code" and attr == "class":
        words = [w for w in value.split() if w.startswith("language-") and w[9:].isidentifier()]
        return " ".join(words) or None
    if tag == "ol" and attr == "start":
        return value if value.isdigit() and len(value) < 9 else None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        link_rel=None,
        url_schemes=URL_SCHEMES,
        set_tag_attribute_values={"img": {"loading": "lazy", "referrerpolicy": "no-referrer"}},
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Safe HTML for a member's Markdown `text` (capped at MAX_SOURCE_CHARS characters)."""
    source = (text or "")[:MAX_SOURCE_CHARS].replace("\x00", "\ufffd")
    md = _parser()
    tokens = md.parse(source)
    _adjust(tokens)
    html = md.renderer.render(tokens, md.options, {})
    return sanitize_html(html)
