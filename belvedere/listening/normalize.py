"""Turning raw connector items into mention fields: canonical URLs, cleaning, reach."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils import timezone

if TYPE_CHECKING:
    from belvedere.listening.connectors.base import RawMention

TRACKING = re.compile(
    r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid|ref|ref_src)$",
    re.IGNORECASE,
)
DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ESTIMATE_BASE, ESTIMATE_PER_ENGAGEMENT = 50, 20


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment or default port, host in lower case.

    ``""`` for anything that is not an absolute http(s) URL.
    """
    try:
        parts = urlsplit((url or "").strip())
        scheme, host, port = parts.scheme.lower(), (parts.hostname or "").rstrip("."), parts.port
    except ValueError:
        return ""
    if scheme not in DEFAULT_PORTS or not host:
        return ""
    netloc = host if ":" not in host else f"[{host}]"
    if port and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def domain_of(canonical: str) -> str:
    """The host of a canonical URL without ``www.`` (``""`` when there is none)."""
    host = (urlsplit(canonical).hostname or "") if canonical else ""
    return host.removeprefix("www.")[:200]


def url_digest(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest() if canonical else ""


def clean(value: str, limit: int | None = None) -> str:
    """Text without control characters (PostgreSQL refuses NUL), stripped, cut to ``limit``."""
    text = _CONTROL.sub("", value or "").strip()
    return text[:limit] if limit else text


def reach_of(raw: RawMention, engagement_total: int) -> tuple[int, bool]:
    """The reach the platform gave (followers, subscribers), else an estimate said as such."""
    for figure in (raw.reach, raw.author_followers):
        if figure is not None and figure >= 0:
            return int(figure), False
    return ESTIMATE_BASE + ESTIMATE_PER_ENGAGEMENT * engagement_total, True


def mention_fields(raw: RawMention, *, platform: str) -> dict:
    """The Mention fields of one raw item (without analysis, matching or source)."""
    engagement = {str(k)[:30]: max(0, int(v)) for k, v in (raw.engagement or {}).items()}
    total = sum(engagement.values())
    reach, estimate = reach_of(raw, total)
    url = clean(raw.url, 2000)
    canonical = canonical_url(url)
    now = timezone.now()
    published = raw.published_at if raw.published_at and raw.published_at <= now else now
    return {
        "platform": clean(raw.platform or platform, 20),
        "external_id": clean(raw.external_id, 300),
        "url": url if canonical else "",
        "canonical_url": canonical,
        "url_hash": url_digest(canonical),
        "domain": domain_of(canonical),
        "author_name": clean(raw.author_name, 200),
        "author_handle": clean(raw.author_handle, 200),
        "author_url": clean(raw.author_url, 2000) if canonical_url(raw.author_url) else "",
        "author_followers": raw.author_followers,
        "community": clean(raw.community, 200),
        "title": clean(raw.title, 500),
        "text": clean(raw.text, 100_000),
        "language": clean(raw.language, 12).lower().replace("_", "-"),
        "published_at": published,
        "fetched_at": now,
        "reach": reach,
        "reach_is_estimate": estimate,
        "engagement": engagement,
        "engagement_total": total,
        "extra": raw.extra or {},
    }
