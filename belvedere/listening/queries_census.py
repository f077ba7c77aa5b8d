"""Reads of the census: each community's activity, sentiment and impact; suggestions.

Impact score = relevance × log10(1 + size) × (1 + a × activity share)
               × (1 + s × |sentiment balance|)

- relevance: 1–5, set by the community managers;
- size: members or followers as recorded (else the distinct authors seen, marked estimate);
- activity share: its mentions over all mentions in the activity window (28 days) (0…1);
- sentiment balance: (positive − negative) / analysed mentions (−1…1); a community strongly
  for or against the brand can move its position more than an indifferent one;
- a, s: the activity and sentiment weights (1 and 1).

The window, the weights and the suggestion thresholds (90 days, 5 mentions) are the defaults
of ``CensusScoring``, which managers edit (*Census → Scoring*).
"""

import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from belvedere.listening.models import (
    CensusScoring,
    Community,
    CommunityKind,
    DismissedSuggestion,
    Mention,
)
from belvedere.listening.queries import _gate

CHUNK = 50  # communities aggregated per query
KINDS = {
    "reddit": CommunityKind.SUBREDDIT,
    "mastodon": CommunityKind.MASTODON_INSTANCE,
    "hackernews": CommunityKind.FORUM,
    "rss": CommunityKind.BLOG,
    "webpage": CommunityKind.BLOG,
}
CSV_COLUMNS = [
    "id",
    "name",
    "kind",
    "url",
    "size",
    "size_is_estimate",
    "relevance",
    "mentions",
    "per_week",
    "activity_share",
    "sentiment_balance",
    "impact",
    "owner",
    "notes",
]


def get_scoring() -> CensusScoring:
    """The scoring constants: the saved row, else the defaults (not saved by a read)."""
    return CensusScoring.objects.order_by("pk").first() or CensusScoring()


def impact_score(
    relevance: int,
    size: int,
    activity_share: float,
    balance: float | None,
    scoring: CensusScoring | None = None,
) -> float:
    scoring = scoring or CensusScoring()
    activity = 1 + scoring.activity_weight * activity_share
    sentiment = 1 + scoring.sentiment_weight * abs(balance or 0.0)
    return round(relevance * math.log10(1 + max(0, size)) * activity * sentiment, 2)


@dataclass
class CommunityStats:
    community: Community
    mentions: int = 0
    authors: int = 0
    positive: int = 0
    negative: int = 0
    analysed: int = 0
    activity_share: float = 0.0
    scoring: CensusScoring = field(default_factory=CensusScoring)

    @property
    def per_week(self) -> float:
        return round(self.mentions * 7 / self.scoring.activity_days, 1)

    @property
    def balance(self) -> float | None:
        return (self.positive - self.negative) / self.analysed if self.analysed else None

    @property
    def sentiment_balance(self) -> float | None:
        return None if self.balance is None else round(self.balance, 3)

    @property
    def size_is_estimate(self) -> bool:
        return self.community.size is None

    @property
    def size(self) -> int:
        return self.authors if self.community.size is None else self.community.size

    @property
    def impact(self) -> float:
        c = self.community
        return impact_score(c.relevance, self.size, self.activity_share, self.balance, self.scoring)


def mentions_of(community: Community) -> Q:
    if not community.match_key:
        return Q(pk__in=[])
    where = Q(community__iexact=community.match_key) | Q(domain=community.match_key)
    return where & Q(platform=community.match_platform) if community.match_platform else where


def _aggregates(index: int, where: Q) -> dict:
    analysed = where & ~Q(sentiment="")
    return {
        f"n{index}": Count("id", filter=where),
        f"a{index}": Count("author_handle", filter=where & ~Q(author_handle=""), distinct=True),
        f"p{index}": Count("id", filter=analysed & Q(sentiment="positive")),
        f"g{index}": Count("id", filter=analysed & Q(sentiment="negative")),
        f"s{index}": Count("id", filter=analysed),
    }


def community_stats(communities: list[Community], now=None) -> list[CommunityStats]:
    """Figures of the activity window (28 days) for each community, one query per 50."""
    scoring = get_scoring()
    recent = Mention.objects.filter(
        published_at__gte=(now or timezone.now()) - timedelta(days=scoring.activity_days)
    )
    total = recent.count()
    stats = []
    for start in range(0, len(communities), CHUNK):
        chunk = communities[start : start + CHUNK]
        aggregates = {}
        for index, community in enumerate(chunk):
            aggregates |= _aggregates(index, mentions_of(community))
        row = recent.aggregate(**aggregates) if aggregates else {}
        for i, community in enumerate(chunk):
            mentions = row[f"n{i}"]
            stats.append(
                CommunityStats(
                    community,
                    mentions,
                    row[f"a{i}"],
                    row[f"p{i}"],
                    row[f"g{i}"],
                    row[f"s{i}"],
                    mentions / total if total else 0.0,
                    scoring,
                )
            )
    return stats


def list_communities(*, kind: str = "", owner=None, order: str = "impact") -> list[CommunityStats]:
    communities = Community.objects.select_related("owner")
    if kind:
        communities = communities.filter(kind=kind)
    if owner:
        communities = communities.filter(owner=owner)
    stats = community_stats(list(communities))
    if order == "impact":
        stats.sort(key=lambda s: (-s.impact, s.community.name))
    return stats


def community_row(stats: CommunityStats) -> list:
    c = stats.community
    values = {
        "id": c.pk,
        "name": c.name,
        "kind": c.kind,
        "url": c.url,
        "size": stats.size,
        "size_is_estimate": stats.size_is_estimate,
        "relevance": c.relevance,
        "mentions": stats.mentions,
        "per_week": stats.per_week,
        "activity_share": round(stats.activity_share, 4),
        "sentiment_balance": stats.sentiment_balance,
        "impact": stats.impact,
        "owner": c.owner.display_name if c.owner else "",
        "notes": c.notes,
    }
    return [values[name] for name in CSV_COLUMNS]


def get_community_for_user(user, community_id: int) -> Community:
    _gate(user)
    return get_object_or_404(Community.objects.select_related("owner"), pk=community_id)


@dataclass(frozen=True)
class Suggestion:
    platform: str
    key: str
    mentions: int
    authors: int

    @property
    def kind(self) -> str:
        if self.key.startswith("#"):
            return CommunityKind.HASHTAG
        return KINDS.get(self.platform, CommunityKind.OTHER)

    @property
    def url(self) -> str:
        if self.platform == "reddit" and self.key.startswith("r/"):
            return f"https://www.reddit.com/{self.key}/"
        if "." in self.key and " " not in self.key and "/" not in self.key:
            return f"https://{self.key}/"
        return ""


def _places(recent: QuerySet[Mention], field: str, minimum: int) -> list[dict]:
    rows = (
        recent.exclude(**{field: ""})
        .values("platform", field)
        .annotate(n=Count("id"), authors=Count("author_handle", distinct=True))
        .filter(n__gte=minimum)
        .order_by("-n")
    )
    return [
        {"platform": r["platform"], "key": r[field], "n": r["n"], "authors": r["authors"]}
        for r in rows[:200]
    ]


def list_suggestions(*, minimum: int | None = None, limit: int = 20) -> list[Suggestion]:
    """Places with at least ``minimum`` mentions (5) in the suggestion window (90 days), not in
    the register nor dismissed."""
    scoring = get_scoring()
    minimum = scoring.suggestion_minimum if minimum is None else minimum
    recent = Mention.objects.filter(
        published_at__gte=timezone.now() - timedelta(days=scoring.suggestion_days)
    )
    known = {key.lower() for key in Community.objects.values_list("match_key", flat=True)}
    dismissed = set(DismissedSuggestion.objects.values_list("platform", "key"))
    rows = _places(recent, "community", minimum) + _places(
        recent.filter(community=""), "domain", minimum
    )
    suggestions = []
    for row in sorted(rows, key=lambda r: -r["n"]):
        key = row["key"].lower()
        if {key, key.removeprefix("www.")} & known or (row["platform"], key) in dismissed:
            continue
        known.add(key)
        suggestions.append(Suggestion(row["platform"], key, row["n"], row["authors"]))
    return suggestions[:limit]
