"""Declarative filters of declarations: Python equivalents of Open Terms Archive's JS filters.

OTA declarations name JavaScript functions in ``filter`` (``"cleanUrls"``,
``{"removeQueryParams": ["h"]}``); Belvedere runs no JavaScript, so a filter is one of the
operations below, written in the same ``filter`` list (a name, or ``{name: parameter}``):

=========================  ===============================================================
``removeElements``         CSS selector(s): drop those elements (like ``remove``, in order)
``removeElementsWithText`` ``{"selector": css, "pattern": regex}``: drop the elements the
                           selector matches whose text matches the pattern
``replaceElementsWithText````{"selector": css, "text": "…"}``: put a text in their place
``removeEmptyLinks``       drop links with no text (icons, "back to top" arrows)
``keepLinks``              write links as ``[text](address)``, so a changed target is a change
``removeQueryParams``      names (``utm_*`` patterns allowed): drop them from link and image
                           addresses (OTA's built-in filter)
``cleanUrls``              unwrap redirect links (``l.facebook.com/l.php?u=…``), drop tracking
                           parameters (``utm_*``, ``fbclid``, ``gclid``, ``__cft__*``…) and
                           ``href="#"``
``removeText``             regular expression(s): delete what they match from the text
``normaliseDates``         dates as ISO ``YYYY-MM-DD``: "March 3, 2026", "3 mars 2026",
                           "1er mars 2026"; and, from the fetch time, "3 days ago", "il y a
                           5 heures" (minutes, hours, days). ``{"numeric": "dmy"|"mdy"}``
                           also reads ``03/04/2026``
=========================  ===============================================================

The named JS filters of the shipped declarations map to these (``OTA_FILTERS``); any other
name is kept in the declaration, reported as not run, and ignored. Element operations run on
the whole page before ``remove`` and ``select`` (as OTA runs its filters), text operations on
the extracted text. Pure Python, no Django: ``validation.check_filters`` checks declarations.
"""

import fnmatch
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

ELEMENT_OPS = {
    "removeElements", "removeElementsWithText", "replaceElementsWithText", "removeEmptyLinks",
    "removeQueryParams", "cleanUrls",
}  # fmt: skip
TEXT_OPS = {"removeText", "normaliseDates"}
FLAG_OPS = {"keepLinks"}
OPS = ELEMENT_OPS | TEXT_OPS | FLAG_OPS
# Named JavaScript filters of Open Terms Archive's declarations, as Belvedere operations.
OTA_FILTERS: dict[str, list[tuple[str, object]]] = {
    "removeScripts": [],  # scripts are always removed
    "removeEmptyLinks": [("removeEmptyLinks", None)],
    "removeEmptyAnchorsLinks": [("removeEmptyLinks", None)],
    "removeHelpButtons": [("removeEmptyLinks", None)],
    "cleanUrls": [("cleanUrls", None)],
    "removeGclidFromUrls": [("removeQueryParams", ["gclid"])],
    "removeReturnToTopButtons": [("removeElements", ["._t3o"])],
    "removeImgFromCookiesPolicy": [("removeElements", ["._vpi"])],
    "replaceInfoImageWithEmoji": [(
        "replaceElementsWithText",
        {"selector": 'img[src*="/851547_537948159656190_540847388_n.png?"]', "text": "ℹ️"},
    )],
}  # fmt: skip
TRACKING_PARAMS = [
    "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "__cft__*", "__tn__", "yclid", "_hsenc", "_hsmi", "ref_src",
]  # fmt: skip
REDIRECTS = {"l.facebook.com": "u", "lm.facebook.com": "u", "l.instagram.com": "u",
             "www.google.com": "q", "out.reddit.com": "url"}  # fmt: skip

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_FIRST = re.compile(
    rf"\b({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.IGNORECASE
)
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)? ({_MONTH})\.?,? (\d{{4}})\b", re.IGNORECASE
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_UNITS = {"minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
          "hour": "hours", "hours": "hours", "heure": "hours", "heures": "hours",
          "day": "days", "days": "days", "jour": "days", "jours": "days"}  # fmt: skip
_COUNT = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1}
_AGO = re.compile(
    r"\b(\d+|an?|one) (minutes?|mins?|hours?|days?) ago\b"
    r"|\bil y a (\d+|une?) (minutes?|heures?|jours?)\b",
    re.IGNORECASE,
)


class FilterError(ValueError):
    """A filter that cannot run (bad parameter)."""


@dataclass
class Plan:
    """A declaration's filters, ready to run."""

    elements: list[tuple[str, object]] = field(default_factory=list)
    text: list[tuple[str, object]] = field(default_factory=list)
    keep_links: bool = False
    not_run: list[str] = field(default_factory=list)


def entries(filters) -> list[tuple[str, object]]:
    """(name, parameter) of each entry of a ``filter`` list (a name or ``{name: param}``)."""
    found = []
    for entry in filters or []:
        if isinstance(entry, str):
            found.append((entry, None))
        elif isinstance(entry, dict) and len(entry) == 1:
            found.extend(entry.items())
        else:
            raise FilterError(f"A filter is a name or {{name: parameter}}, not {entry!r}")
    return found


def plan(filters) -> Plan:
    """Sort a declaration's filters into element and text operations; unknown names apart."""
    result = Plan()
    for name, param in entries(filters):
        operations = [(name, param)] if name in OPS else OTA_FILTERS.get(name)
        if operations is None:
            result.not_run.append(name)
            continue
        for op, value in operations:
            if op in FLAG_OPS:
                result.keep_links = True
            else:
                (result.elements if op in ELEMENT_OPS else result.text).append((op, value))
    return result


def as_list(value) -> list:
    if value in (None, "", True):
        return []
    return [value] if isinstance(value, str | dict) else list(value)


# ------------------------------------------------------------------ element operations


def _strip_params(url: str, names: list[str]) -> str:
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not any(fnmatch.fnmatchcase(key, name) for name in names)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _unwrap(url: str) -> str:
    parts = urlsplit(url)
    param = REDIRECTS.get(parts.hostname or "")
    if param and (parts.path in ("/l.php", "/", "/url")):
        target = dict(parse_qsl(parts.query)).get(param)
        if target and target.startswith(("http://", "https://")):
            return unquote(target) if "%" in target else target
    return url


def _set_urls(tree, change) -> None:
    for node in tree.css("a[href], img[src]"):
        attribute = "href" if node.tag == "a" else "src"
        value = node.attributes.get(attribute) or ""
        new = change(value)
        if new is None:
            del node.attrs[attribute]
        elif new != value:
            node.attrs[attribute] = new


def _clean_url(url: str):
    if url.strip() == "#":
        return None
    return _strip_params(_unwrap(url), TRACKING_PARAMS)


def run_elements(tree, operations, css) -> None:
    """Run element operations on a selectolax tree; ``css(tree, selector)`` selects."""
    for op, param in operations:
        if op == "removeElements":
            for selector in as_list(param):
                for node in css(tree, selector):
                    node.decompose()
        elif op in ("removeElementsWithText", "replaceElementsWithText"):
            if not isinstance(param, dict) or not isinstance(param.get("selector"), str):
                raise FilterError(f"{op} needs a selector")
            pattern = re.compile(param.get("pattern") or "")
            for node in css(tree, param["selector"]):
                if op == "replaceElementsWithText":
                    node.replace_with(str(param.get("text") or ""))
                elif pattern.search(node.text(deep=True) or ""):
                    node.decompose()
        elif op == "removeEmptyLinks":
            for node in css(tree, "a"):
                if not (node.text(deep=True) or "").strip():
                    node.decompose()
        elif op == "removeQueryParams":
            names = [str(name) for name in as_list(param)]
            _set_urls(tree, lambda url, names=names: _strip_params(url, names))
        elif op == "cleanUrls":
            _set_urls(tree, _clean_url)


# ------------------------------------------------------------------ text operations


def _iso(year: int, month: int, day: int, original: str) -> str:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return original  # not a date: "31 février 2026" stays as written


def normalise_dates(text: str, *, now: datetime | None = None, numeric: str = "") -> str:
    """Dates in ``text`` as ISO ``YYYY-MM-DD`` (see the module's docstring)."""

    def month_first(m):
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]), m[0])

    def day_first(m):
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]), m[0])

    text = _MONTH_FIRST.sub(month_first, text)
    text = _DAY_FIRST.sub(day_first, text)
    if numeric in ("dmy", "mdy"):
        first, second = (1, 2) if numeric == "dmy" else (2, 1)
        text = _NUMERIC.sub(lambda m: _iso(int(m[3]), int(m[second]), int(m[first]), m[0]), text)
    if now is not None:

        def ago(m):
            count, unit = (m[1], m[2]) if m[1] else (m[3], m[4])
            number = _COUNT.get(count.lower()) or int(count)
            return (now - timedelta(**{_UNITS[unit.lower()]: number})).date().isoformat()

        text = _AGO.sub(ago, text)
    return text


def run_text(text: str, operations, *, now: datetime | None = None) -> str:
    for op, param in operations:
        if op == "removeText":
            for pattern in as_list(param):
                text = re.sub(pattern, "", text)
        elif op == "normaliseDates":
            numeric = param.get("numeric", "") if isinstance(param, dict) else ""
            text = normalise_dates(text, now=now, numeric=numeric)
    return text
