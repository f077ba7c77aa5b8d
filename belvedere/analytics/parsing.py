"""Pure parsing of incoming events: fields, user agent, referrer, UTM tags, device, bots.

Nothing here touches the database; ``services/ingest.py`` turns the result into a buffered row.
The functions of the user agent and of Accept-Language are memoised: the same few strings
come back on almost every request.
"""

import functools
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

MAX_PROPS = 30
MAX_NAME = 120
MAX_PATH = 500

# Plausible's field names, short and long.
FIELDS = {
    "n": "name", "u": "url", "d": "domain", "r": "referrer", "w": "screen_width",
    "p": "props", "m": "meta", "h": "hash_mode", "i": "interactive", "e": "engagement_time",
    "sd": "scroll_depth", "$": "revenue", "v": "version",
}  # fmt: skip

BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|headless|phantomjs|lighthouse|"
    r"curl/|wget|python-requests|python-httpx|httpclient|okhttp|go-http-client|java/|"
    r"libwww|scrapy|preview|monitor|pingdom|uptime",
    re.IGNORECASE,
)
BROWSERS = [
    ("Samsung Internet", r"SamsungBrowser/"),
    ("Edge", r"Edg(e|A|iOS)?/"),
    ("Opera", r"OPR/|Opera"),
    ("Firefox", r"Firefox/|FxiOS/"),
    ("Chrome", r"Chrome/|CriOS/"),
    ("Safari", r"Safari/"),
]
SYSTEMS = [
    ("iOS", r"iPhone|iPad|iPod"),
    ("Android", r"Android"),
    ("ChromeOS", r"CrOS"),
    ("Windows", r"Windows"),
    ("macOS", r"Mac OS X|Macintosh"),
    ("Linux", r"Linux|X11"),
]
KNOWN_SOURCES = {
    "google": "Google", "bing": "Bing", "duckduckgo": "DuckDuckGo", "qwant": "Qwant",
    "ecosia": "Ecosia", "yahoo": "Yahoo!", "facebook": "Facebook", "t.co": "Twitter",
    "twitter": "Twitter", "x.com": "Twitter", "linkedin": "LinkedIn", "lnkd.in": "LinkedIn",
    "reddit": "Reddit", "youtube": "YouTube", "instagram": "Instagram", "github": "GitHub",
    "news.ycombinator": "Hacker News", "mastodon": "Mastodon",
}  # fmt: skip


class InvalidEvent(ValueError):
    """The request body is not a usable event; the message says why."""


@dataclass
class Parsed:
    name: str
    domain: str
    url: str
    pathname: str
    referrer: str
    screen_width: int | None
    props: dict
    interactive: bool
    engagement_ms: int
    hash_mode: bool


def normalise(data: object) -> dict:
    """Long names for short ones; refuse bodies that are not a JSON object."""
    if not isinstance(data, dict):
        raise InvalidEvent("body must be a JSON object")
    return {FIELDS.get(key, key): value for key, value in data.items()}


def _text(value, limit: int) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _props(raw) -> dict:
    """Scalar custom properties only (as Plausible); a JSON string is accepted too."""
    if isinstance(raw, str):
        import json

        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    if not isinstance(raw, dict):
        return {}
    props = {}
    for key, value in list(raw.items())[:MAX_PROPS]:
        if isinstance(value, bool | int | float | str) and str(key).strip():
            props[str(key)[:300]] = str(value)[:2000]
    return props


def _int(value, default=None) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 <= number < 2**31 else default


def parse(data: object) -> Parsed:
    fields = normalise(data)
    name, url, domain = (_text(fields.get(k), 2000) for k in ("name", "url", "domain"))
    if not name or not url or not domain:
        raise InvalidEvent("name, url and domain are required")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidEvent("url must be an absolute http(s) address")
    hash_mode = bool(fields.get("hash_mode"))
    path = parts.path or "/"
    if hash_mode and parts.fragment:
        path += "#" + parts.fragment
    return Parsed(
        name=name[:MAX_NAME],
        domain=domain.split(",")[0].strip().lower()[:120],
        url=url,
        pathname=path[:MAX_PATH],
        referrer=_text(fields.get("referrer"), 2000),
        screen_width=_int(fields.get("screen_width")),
        props=_props(fields.get("props", fields.get("meta"))),
        interactive=fields.get("interactive") is not False,
        engagement_ms=_int(fields.get("engagement_time"), 0) or 0,
        hash_mode=hash_mode,
    )


@functools.lru_cache(maxsize=1024)  # user agents repeat: parse each once
def is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT.search(user_agent))


def _first(table, user_agent: str) -> str:
    for label, pattern in table:
        if re.search(pattern, user_agent):
            return label
    return "Other"


@functools.lru_cache(maxsize=1024)
def browser_of(user_agent: str) -> str:
    return _first(BROWSERS, user_agent)


@functools.lru_cache(maxsize=1024)
def os_of(user_agent: str) -> str:
    return _first(SYSTEMS, user_agent)


@functools.lru_cache(maxsize=1024)
def device_of(screen_width: int | None, user_agent: str) -> str:
    """Plausible's screen-size buckets; without a width, a guess from the user agent."""
    if screen_width is None:
        if re.search(r"iPad|Tablet", user_agent):
            return "Tablet"
        return "Mobile" if "Mobi" in user_agent else "Desktop"
    if screen_width < 576:
        return "Mobile"
    if screen_width < 992:
        return "Tablet"
    return "Laptop" if screen_width < 1440 else "Desktop"


@functools.lru_cache(maxsize=1024)
def language_of(accept_language: str) -> str:
    """The primary subtag of the first language the browser asks for (fr-CA → fr)."""
    first = accept_language.split(",")[0].split(";")[0].strip().lower()
    code = first.split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else ""


def source_of(referrer: str, url: str, site_domain: str) -> dict:
    """Where the visit came from: UTM tags of the page, else the referrer's host, named."""
    query = parse_qs(urlsplit(url).query)
    utm = {
        key: query.get(key, [""])[0][:120] for key in ("utm_source", "utm_medium", "utm_campaign")
    }
    host = (urlsplit(referrer).hostname or "").lower() if referrer else ""
    host = host.removeprefix("www.").removeprefix("m.")
    page_host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host in (page_host, site_domain.removeprefix("www.")):
        host = ""  # internal navigation is not a source
    source = utm["utm_source"] or query.get("ref", [""])[0][:120] or _named(host)
    return {"source": source, "referrer": host[:200], **utm}


def _named(host: str) -> str:
    if not host:
        return ""
    for needle, label in KNOWN_SOURCES.items():
        if host == needle or host.startswith(needle + ".") or f".{needle}." in f".{host}":
            return label
    return host
