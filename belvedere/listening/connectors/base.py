"""What every connector shares: the raw item, the fetch result, errors, the registry.

A connector is a class with a ``kind``, a config form and ``fetch(source, client)``. It turns
one remote answer into :class:`RawMention` items; the ingestion pipeline does the rest.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext as _

from belvedere.core.http import check_user_url


@dataclass
class RawMention:
    """One item as a connector found it, before normalisation."""

    external_id: str = ""
    url: str = ""
    title: str = ""
    text: str = ""
    author_name: str = ""
    author_handle: str = ""
    author_url: str = ""
    author_followers: int | None = None
    community: str = ""
    language: str = ""
    published_at: datetime | None = None
    engagement: dict[str, int] = field(default_factory=dict)
    reach: int | None = None
    platform: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class FetchResult:
    items: list[RawMention] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""
    cursor: str = ""
    not_modified: bool = False
    retry_after: int | None = None  # seconds the remote asked us to wait


class ConnectorError(Exception):
    """The remote answered something unusable; ``str(exc)`` is for a person."""

    def __init__(self, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConfigForm(forms.Form):
    """Base of the kind-specific configuration forms."""


def url_field(label: str, **kwargs) -> forms.URLField:
    return forms.URLField(
        label=label, max_length=2000, assume_scheme="https", validators=[check_user_url], **kwargs
    )


class Connector:
    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""
    platform: ClassVar[str] = ""
    fetchable: ClassVar[bool] = True
    config_form: ClassVar[type[ConfigForm]] = ConfigForm

    def fetch(self, source, client) -> FetchResult:
        raise NotImplementedError


_registry: dict[str, Connector] = {}


def register(cls: type[Connector]) -> type[Connector]:
    _registry[cls.kind] = cls()
    return cls


def get_connector(kind: str) -> Connector:
    try:
        return _registry[kind]
    except KeyError:
        raise ConnectorError(_("Unknown source kind “%(kind)s”.") % {"kind": kind})


def all_connectors() -> list[Connector]:
    return list(_registry.values())


def kind_choices() -> list[tuple[str, str]]:
    return [(c.kind, c.label) for c in _registry.values()]


# ---------------------------------------------------------------- helpers for connectors

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def strip_html(value: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, blank lines squeezed."""
    text = _TAG.sub(" ", _BREAK.sub("\n", value or ""))
    text = html.unescape(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def parse_time(value: Any) -> datetime | None:
    """A UTC datetime from an ISO 8601 string, an RFC 2822 date or a Unix timestamp."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value, tz=UTC)
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            parsed = parsedate_to_datetime(text)
    except (ValueError, TypeError, OverflowError, OSError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def as_int(value: Any) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def rate_limit_wait(headers) -> int | None:
    """Seconds to wait when the remote says its budget is spent (Mastodon, Reddit, generic)."""
    if "retry-after" in headers:
        value = headers["retry-after"]
        if value.isdigit():
            return int(value)
        when = parse_time(value)
        return max(0, int((when - datetime.now(UTC)).total_seconds())) if when else 60
    remaining = headers.get("x-ratelimit-remaining", "")
    try:
        if remaining and float(remaining) < 1:
            reset = headers.get("x-ratelimit-reset", "")
            when = parse_time(reset)
            if when and not reset.replace(".", "").isdigit():  # Mastodon: ISO 8601 time
                return max(1, int((when - datetime.now(UTC)).total_seconds()))
            return max(1, int(float(reset or 60)))  # Reddit: seconds until reset
    except ValueError:
        return 60
    return None


def check_response(response) -> None:
    """Raise ConnectorError for an error status, with the wait asked for on 429/503."""
    status = response.status_code
    if status < 400:
        return
    wait = rate_limit_wait(response.headers) if status in (429, 503) else None
    if status == 429:
        raise ConnectorError(_("The server limits our requests (HTTP 429)."), retry_after=wait)
    raise ConnectorError(
        _("The server answered HTTP %(status)s.") % {"status": status}, retry_after=wait
    )


def get_json(client, url: str, *, params: dict | None = None, headers: dict | None = None):
    """GET ``url`` and return ``(decoded JSON, response)``; ConnectorError when unusable."""
    if params:
        from urllib.parse import urlencode

        url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
    response = client.get(url, headers={"Accept": "application/json", **(headers or {})})
    check_response(response)
    try:
        return json.loads(response.content), response
    except (ValueError, UnicodeDecodeError):
        raise ConnectorError(_("The server did not answer valid JSON."))
