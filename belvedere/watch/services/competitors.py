"""Writes on competitors: profiles, and their activity read from their public feeds."""

import calendar
import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from belvedere.activity.services import record
from belvedere.core.http import guarded_client
from belvedere.net import FetchError
from belvedere.text.query import fold
from belvedere.watch.models import ActivityKind, Competitor, CompetitorActivity
from belvedere.watch.services.fetching import fetch_html

logger = logging.getLogger(__name__)
EDITABLE = (
    "name", "is_company", "brands", "site_url", "forum_url", "social_accounts", "feed_urls",
    "notes",
)  # fmt: skip
MAX_FEED_BYTES = 4 * 1024 * 1024
MAX_ITEMS = 200
# A feed item announcing an event (EN + FR), matched as whole words on the folded text (case
# and accents removed: "ÉVÉNEMENT", "evenement"); documented in docs/watch.md.
EVENT_WORDS = re.compile(
    r"\b(event|webinar|meetup|meet-up|livestream|live stream|ama|hackathon|conference|"
    r"workshop|contest|giveaway|challenge|evenement|webinaire|atelier|"
    r"rencontre|salon|concours|jeu-concours|defi|live)\b"
)


@transaction.atomic
def create_competitor(*, actor, queries=(), communities=(), **fields) -> Competitor:
    values = {name: value for name, value in fields.items() if name in EDITABLE}
    competitor = Competitor.objects.create(**values)
    competitor.queries.set(queries)
    competitor.communities.set(communities)
    record(actor, "watch.competitor_created", competitor, staff=True)
    return competitor


@transaction.atomic
def update_competitor(competitor: Competitor, *, actor, queries=None, communities=None, **changes):
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(competitor, n) != v]
    for name in changed:
        setattr(competitor, name, changes[name])
    if changed:
        competitor.save(update_fields=changed)
    if queries is not None:
        competitor.queries.set(queries)
    if communities is not None:
        competitor.communities.set(communities)
    record(actor, "watch.competitor_updated", competitor, staff=True, fields=sorted(changed))
    return competitor


@transaction.atomic
def delete_competitor(competitor: Competitor, *, actor) -> None:
    record(actor, "watch.competitor_deleted", competitor, staff=True, name=competitor.name)
    competitor.delete()


@dataclass
class ActivityOutcome:
    created: int = 0
    errors: list[str] = field(default_factory=list)


def _when(entry) -> datetime:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return timezone.now()
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _engagement(entry) -> int:
    for key in ("slash_comments", "thr_total"):
        try:
            return max(0, int(entry.get(key) or 0))
        except (TypeError, ValueError):
            continue
    return 0


def activity_from_entry(competitor: Competitor, entry, feed_url: str) -> CompetitorActivity:
    title = strip_tags(entry.get("title") or "")[:500]
    summary = strip_tags(entry.get("summary") or "")[:5000]
    is_event = EVENT_WORDS.search(fold(f"{title} {summary}")) is not None
    ident = entry.get("id") or entry.get("link") or f"{title}|{summary[:200]}"
    link = entry.get("link") or ""
    return CompetitorActivity(
        competitor=competitor,
        external_id=hashlib.sha256(ident.encode()).hexdigest(),
        kind=ActivityKind.EVENT if is_event else ActivityKind.POST,
        title=title,
        url=link[:2000] if link.startswith(("http://", "https://")) else "",
        summary=summary,
        feed_url=feed_url[:2000],
        published_at=_when(entry),
        engagement=_engagement(entry),
    )


def store_feed(competitor: Competitor, content: str, feed_url: str) -> int:
    """Store the new items of a feed document; how many were new."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"not a feed ({parsed.get('bozo_exception')})")
    rows = [activity_from_entry(competitor, e, feed_url) for e in parsed.entries[:MAX_ITEMS]]
    known = set(
        CompetitorActivity.objects.filter(
            competitor=competitor, external_id__in=[r.external_id for r in rows]
        ).values_list("external_id", flat=True)
    )
    fresh = {r.external_id: r for r in rows if r.external_id not in known}
    CompetitorActivity.objects.bulk_create(fresh.values(), ignore_conflicts=True)
    return len(fresh)


def fetch_activity(competitor: Competitor, *, actor=None) -> ActivityOutcome:
    """Read every public feed of a competitor; one failing feed does not stop the others."""
    if actor is not None:
        record(actor, "watch.competitor_fetched", competitor, staff=True)
    outcome = ActivityOutcome()
    with guarded_client(max_bytes=MAX_FEED_BYTES) as client:
        for url in competitor.feed_list():
            try:
                outcome.created += store_feed(competitor, fetch_html(client, url), url)
            except (FetchError, ValueError) as exc:
                outcome.errors.append(f"{url}: {exc}")
    Competitor.objects.filter(pk=competitor.pk).update(
        last_fetched_at=timezone.now(), last_error="\n".join(outcome.errors)[:2000]
    )
    return outcome
