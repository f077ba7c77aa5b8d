"""Accept one event from the tracker or a Plausible client: parse, filter, hash, stage."""

import functools
import json
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from belvedere.analytics import parsing
from belvedere.analytics.geo import country_of
from belvedere.analytics.services import intake
from belvedere.analytics.services.salts import salt_for, visitor_id

MAX_BODY = 8 * 1024


@dataclass(frozen=True)
class Client:
    """What the request tells about the sender; the IP is used for the hash and then dropped."""

    ip: str
    user_agent: str
    accept_language: str = ""
    do_not_track: bool = False


def allowed_domains() -> frozenset[str]:
    configured = getattr(settings, "ANALYTICS_DOMAINS", None) or []
    return _domains(tuple(configured), tuple(settings.ALLOWED_HOSTS))


@functools.lru_cache(maxsize=8)
def _domains(configured: tuple[str, ...], allowed_hosts: tuple[str, ...]) -> frozenset[str]:
    hosts = [h for h in allowed_hosts if h and h != "*"]
    return frozenset(d.lower().lstrip(".").strip("[]") for d in [*configured, *hosts])


def build_payload(parsed: parsing.Parsed, client: Client, now=None) -> dict:
    now = now or timezone.now()
    salt = salt_for(now.date())
    ua = client.user_agent
    return {
        "t": now.timestamp(),
        "n": parsed.name,
        "d": parsed.domain,
        "p": parsed.pathname,
        "v": visitor_id(salt, client.ip, ua, parsed.domain),
        "i": parsed.interactive,
        "e": min(parsed.engagement_ms, 24 * 3600 * 1000),
        "props": parsed.props,
        "country": country_of(client.ip),
        "device": parsing.device_of(parsed.screen_width, ua),
        "browser": parsing.browser_of(ua),
        "os": parsing.os_of(ua),
        "language": parsing.language_of(client.accept_language),
        **parsing.source_of(parsed.referrer, parsed.url, parsed.domain),
    }


def accept_event(body: bytes, client: Client) -> str:
    """Buffer the event; returns "" when kept or the reason it was dropped.

    Raises ``parsing.InvalidEvent`` for a body that is not an event.
    """
    if len(body) > MAX_BODY:
        raise parsing.InvalidEvent("body too large")
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise parsing.InvalidEvent("body is not JSON")
    parsed = parsing.parse(data)
    if client.do_not_track:
        return "dnt"
    if parsing.is_bot(client.user_agent):
        return "bot"
    if parsed.domain not in allowed_domains():
        return "domain"
    intake.stage(build_payload(parsed, client))
    return ""
