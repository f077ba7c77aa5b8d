"""Links and mentions: blocked domains, limits by trust level, a first post full of links."""

import re
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from belvedere.core.screening import HOLD, REJECT, Decision
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.clauses import with_citation

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", re.IGNORECASE)
MENTION_RE = re.compile(r"(?<![\w@])@[\w.-]+")


def domain_of(url: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.").strip(".")


def in_domains(host: str, domains) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def find_links(text: str) -> list[str]:
    return [domain_of(match.group(0)) for match in URL_RE.finditer(text)]


def check_links(ctx: Screening) -> Decision | None:
    hosts = find_links(ctx.text)
    policy = ctx.policy
    blocked = [host for host in hosts if in_domains(host, policy.blocked_domains)]
    if blocked:
        message = _("Links to %(domain)s are not allowed here.") % {"domain": blocked[0]}
        return Decision(
            REJECT, [f"links:blocked:{blocked[0]}"], "spam", with_citation(message, "spam")
        )
    if not ctx.is_member or ctx.trust >= 4:
        return None
    counted = [host for host in hosts if not in_domains(host, policy.allowed_domains)]
    limit = ctx.limits.get("links")
    message = _("Your message will be reviewed by a moderator: it contains many links.")
    if limit is not None and len(counted) > limit:
        return Decision(HOLD, [f"links:too_many:{len(counted)}"], "spam", message)
    first = ctx.trust == 0 and ctx.flood_counted and not ctx.is_edit and ctx.history.total == 0
    if first and len(counted) > policy.settings.first_post_max_links:
        return Decision(HOLD, [f"spam:first_post_links:{len(counted)}"], "spam", message)
    mentions = len(MENTION_RE.findall(ctx.text))
    if ctx.limits.get("mentions") is not None and mentions > ctx.limits["mentions"]:
        message = _("Your message will be reviewed by a moderator: it mentions many members.")
        return Decision(HOLD, [f"mentions:too_many:{mentions}"], "harassment", message)
    return None
