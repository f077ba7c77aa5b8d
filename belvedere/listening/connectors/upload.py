"""Mentions pushed to Belvedere: CSV/JSON file imports and the inbound webhook.

Both read items with the same fields: ``text``, ``title``, ``url``, ``author``,
``author_handle``, ``published_at``, ``lang``, ``id``, ``platform``, ``community``,
``followers``, ``likes``, ``shares``, ``replies``.
"""

import csv
import io
import json
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from belvedere.listening.connectors.base import (
    ConfigForm,
    Connector,
    RawMention,
    as_int,
    parse_time,
    register,
)
from belvedere.listening.normalize import canonical_url

MAX_ROWS = 10_000


@dataclass
class RowError:
    line: int
    message: str


class ImportConfig(ConfigForm):
    platform = forms.SlugField(
        label=gettext_lazy("Platform name for rows that give none"),
        max_length=20,
        initial="import",
        required=False,
    )


def raw_from_item(item, default_platform: str) -> RawMention:
    """One pushed item as a RawMention; ValueError with a readable message when unusable."""
    if not isinstance(item, dict):
        raise ValueError(_("An item must be an object."))
    get = lambda name: str(item.get(name) or "").strip()  # noqa: E731
    if not get("text") and not get("title"):
        raise ValueError(_("“text” or “title” is required."))
    if get("url") and not canonical_url(get("url")):
        raise ValueError(_("“url” must be an http(s) address."))
    when = parse_time(get("published_at")) if get("published_at") else None
    if get("published_at") and when is None:
        raise ValueError(_("“published_at” is not a date (use ISO 8601)."))
    if len(get("lang")) > 12:
        raise ValueError(_("“lang” is a language code such as fr or en."))
    followers = item.get("followers")
    return RawMention(
        external_id=get("id")[:300],
        url=get("url"),
        title=get("title"),
        text=get("text"),
        author_name=get("author"),
        author_handle=get("author_handle"),
        community=get("community"),
        language=get("lang"),
        published_at=when,
        platform=(get("platform") or default_platform)[:20],
        author_followers=as_int(followers) if followers not in (None, "") else None,
        engagement={k: as_int(item.get(k)) for k in ("likes", "shares", "replies") if item.get(k)},
    )


def read_items(items, default_platform: str, *, first_line: int = 1):
    raws, errors = [], []
    for number, item in enumerate(items, start=first_line):
        if number - first_line >= MAX_ROWS:
            errors.append(
                RowError(number, _("Only the first %(n)s rows are read.") % {"n": MAX_ROWS})
            )
            break
        try:
            raws.append(raw_from_item(item, default_platform))
        except ValueError as exc:
            errors.append(RowError(number, str(exc)))
    return raws, errors


def parse_json_items(data: bytes):
    """The list of items in a JSON document: one object, a list, or ``{"mentions": [...]}``."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(_("The file is not valid JSON: %(error)s") % {"error": exc})
    if isinstance(document, dict) and isinstance(document.get("mentions"), list):
        return document["mentions"]
    return document if isinstance(document, list) else [document]


def parse_upload(data: bytes, filename: str, default_platform: str = "import"):
    """``(raw mentions, row errors)`` of a CSV or JSON file; ValueError if unreadable whole."""
    if filename.lower().endswith(".json"):
        return read_items(parse_json_items(data), default_platform)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("windows-1252", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"text", "title"} & {f.strip() for f in reader.fieldnames}:
        raise ValueError(_("The CSV file needs a header row with a “text” or “title” column."))
    rows = ({(k or "").strip(): v for k, v in row.items()} for row in reader)
    raws, errors = [], []
    for row in rows:
        found, failed = read_items([row], default_platform, first_line=reader.line_num)
        raws += found
        errors += failed
        if len(raws) + len(errors) > MAX_ROWS:
            errors.append(RowError(reader.line_num, _("The rest of the file is not read.")))
            break
    return raws, errors


@register
class ImportConnector(Connector):
    kind = "import"
    label = gettext_lazy("CSV / JSON import")
    platform = "import"
    fetchable = False
    config_form = ImportConfig


@register
class WebhookConnector(Connector):
    kind = "webhook"
    label = gettext_lazy("Inbound webhook")
    platform = "webhook"
    fetchable = False
    config_form = ImportConfig
