"""Figures of the listening dashboard, for a date range and the period before it.

Reputation score (−100…100): ``100 × Σ(w·s) / Σ(w)`` over the analysed mentions, with
``w = ln(1 + reach)`` and ``s`` = +1 positive, 0 neutral, −1 negative. Share of voice: the
mentions matched by each brand or competitor query over the mentions of all of them.
Influence of an author: its largest reach × its number of mentions.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, F, FloatField, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Ln, TruncDate
from django.utils import timezone

from belvedere.listening.models import Mention, MentionMatch, QueryKind

DEFAULT_DAYS = 30
MAX_DAYS = 731
TOP = 10
SENTIMENTS = ("positive", "neutral", "negative")


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def bounds(self) -> tuple[datetime, datetime]:
        zone = timezone.get_current_timezone()
        start = timezone.make_aware(datetime.combine(self.first, time.min), zone)
        end = timezone.make_aware(datetime.combine(self.last + timedelta(days=1), time.min), zone)
        return start, end

    def previous(self) -> "Period":
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))


def period_of(since: date | None = None, until: date | None = None) -> Period:
    """The range asked for (the last 30 days by default), at most two years, in order."""
    last = until or timezone.localdate()
    first = since or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        first, last = last, first
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    return Period(first, last)


def mentions_in(period: Period, query_id: int | None = None) -> QuerySet[Mention]:
    start, end = period.bounds()
    mentions = Mention.objects.filter(published_at__gte=start, published_at__lt=end)
    return mentions.filter(matches__query_id=query_id) if query_id else mentions


def volume(mentions: QuerySet[Mention], period: Period) -> list[tuple[date, int]]:
    day = TruncDate("published_at", tzinfo=timezone.get_current_timezone())
    rows = mentions.annotate(day=day).values("day").annotate(n=Count("id")).order_by()
    counts = {row["day"]: row["n"] for row in rows}
    return [
        (period.first + timedelta(days=i), counts.get(period.first + timedelta(days=i), 0))
        for i in range(period.days)
    ]


def sentiment_split(mentions: QuerySet[Mention]) -> dict[str, int]:
    totals = {name: Count("id", filter=Q(sentiment=name)) for name in SENTIMENTS}
    row = mentions.aggregate(**totals, unknown=Count("id", filter=Q(sentiment="")))
    return {name: row[name] for name in (*SENTIMENTS, "unknown")}


def reputation(mentions: QuerySet[Mention]) -> float | None:
    """100 × Σ(w·s) / Σ(w), w = ln(1 + reach); None without analysed mentions."""
    weight = Ln(Cast(F("reach"), FloatField()) + Value(1.0))
    sign = Case(
        When(sentiment="positive", then=Value(1.0)),
        When(sentiment="negative", then=Value(-1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    row = mentions.exclude(sentiment="").aggregate(num=Sum(weight * sign), den=Sum(weight))
    if not row["den"]:
        return None
    return round(100 * row["num"] / row["den"], 1)


def share_of_voice(period: Period) -> list[dict]:
    start, end = period.bounds()
    rows = (
        MentionMatch.objects.filter(
            mention__published_at__gte=start,
            mention__published_at__lt=end,
            query__kind__in=[QueryKind.BRAND, QueryKind.COMPETITOR],
        )
        .values("query_id", "query__name", "query__kind")
        .annotate(n=Count("mention_id"))
        .order_by("-n", "query__name")
    )
    total = sum(row["n"] for row in rows) or 1
    return [
        {
            "query_id": r["query_id"],
            "name": r["query__name"],
            "kind": r["query__kind"],
            "mentions": r["n"],
            "share": round(100 * r["n"] / total, 1),
        }
        for r in rows
    ]


def top_authors(mentions: QuerySet[Mention], limit: int = TOP) -> list[dict]:
    rows = (
        mentions.exclude(author_handle="", author_name="")
        .values("platform", "author_handle", "author_name")
        .annotate(mentions=Count("id"), reach=Max("reach"))
        .annotate(influence=F("mentions") * F("reach"))
        .order_by("-influence", "-mentions", "author_name")
    )
    return list(rows[:limit])


def _grouped(mentions, fields: tuple[str, ...], limit: int) -> list[dict]:
    rows = (
        mentions.values(*fields)
        .annotate(mentions=Count("id"), negative=Count("id", filter=Q(sentiment="negative")))
        .order_by("-mentions", *fields)
    )
    return list(rows[:limit])


def top_communities(mentions: QuerySet[Mention], limit: int = TOP) -> list[dict]:
    return _grouped(mentions.exclude(community=""), ("platform", "community"), limit)


def top_domains(mentions: QuerySet[Mention], limit: int = TOP) -> list[dict]:
    return _grouped(mentions.exclude(domain=""), ("domain",), limit)


def languages(mentions: QuerySet[Mention]) -> list[dict]:
    return _grouped(mentions, ("language",), 20)


def dashboard(period: Period, query_id: int | None = None) -> dict:
    """Every figure of the dashboard, and the same totals for the period before."""
    mentions, before = mentions_in(period, query_id), mentions_in(period.previous(), query_id)
    split = sentiment_split(mentions)
    return {
        "period": period,
        "previous": period.previous(),
        "total": sum(split.values()),
        "total_previous": before.count(),
        "volume": volume(mentions, period),
        "volume_previous": volume(before, period.previous()),
        "sentiment": split,
        "sentiment_previous": sentiment_split(before),
        "reputation": reputation(mentions),
        "reputation_previous": reputation(before),
        "share_of_voice": share_of_voice(period),
        "authors": top_authors(mentions),
        "communities": top_communities(mentions),
        "domains": top_domains(mentions),
        "languages": languages(mentions),
    }


TABLES = {
    "volume": ["day", "mentions", "previous_day", "previous_mentions"],
    "sentiment": ["sentiment", "mentions", "previous_mentions"],
    "share_of_voice": ["query_id", "name", "kind", "mentions", "share"],
    "authors": ["platform", "author_handle", "author_name", "mentions", "reach", "influence"],
    "communities": ["platform", "community", "mentions", "negative"],
    "domains": ["domain", "mentions", "negative"],
    "languages": ["language", "mentions", "negative"],
}


def table_rows(figures: dict, name: str) -> list[list]:
    """The rows of one dashboard table, in the columns of ``TABLES[name]``."""
    if name == "volume":
        pairs = zip(figures["volume"], figures["volume_previous"], strict=False)
        return [[day.isoformat(), n, before.isoformat(), m] for (day, n), (before, m) in pairs]
    if name == "sentiment":
        now, before = figures["sentiment"], figures["sentiment_previous"]
        return [[key, now[key], before[key]] for key in now]
    return [[row.get(column, "") for column in TABLES[name]] for row in figures[name]]
