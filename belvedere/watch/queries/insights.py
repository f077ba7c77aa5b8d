"""Reads of trends, platforms to evaluate and digests."""

from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from belvedere.listening import search
from belvedere.listening.models import Mention
from belvedere.text.query import Words, words
from belvedere.watch.bursts import holds_hashtag, holds_term
from belvedere.watch.models import Digest, Platform, Trend, TrendKind, WatchSettings
from belvedere.watch.queries import gate
from belvedere.watch.weeks import week_bounds

TREND_CSV = ["id", "week", "kind", "key", "count", "baseline", "deviation", "score", "is_new"]
PLATFORM_CSV = ["id", "name", "url", "status", "owner", "notes", "updated_at"]


def get_trend_for_user(user, trend_id: int) -> Trend:
    gate(user)
    return get_object_or_404(Trend, pk=trend_id)


def get_platform_for_user(user, platform_id: int) -> Platform:
    gate(user)
    return get_object_or_404(Platform.objects.select_related("owner"), pk=platform_id)


def get_digest_for_user(user, week) -> Digest:
    gate(user)
    return get_object_or_404(Digest, week=week)


def latest_week():
    return Trend.objects.order_by("-week").values_list("week", flat=True).first()


def list_weeks() -> list:
    return list(Trend.objects.order_by("-week").values_list("week", flat=True).distinct()[:26])


def list_trends(*, week=None, kind: str = "") -> QuerySet[Trend]:
    trends = Trend.objects.all()
    week = week or latest_week()
    trends = trends.filter(week=week) if week else trends.none()
    return trends.filter(kind=kind) if kind else trends


def trend_row(trend) -> list:
    return [trend.pk, trend.week, trend.kind, trend.key, trend.count, trend.baseline,
            trend.deviation, trend.score, trend.is_new]  # fmt: skip


def trend_mentions(trend: Trend) -> QuerySet[Mention]:
    """The mentions behind a trend: those of its week holding the term, tag, platform or domain."""
    start, end = week_bounds(trend.week)
    mentions = Mention.objects.filter(published_at__gte=start, published_at__lt=end)
    if trend.kind == TrendKind.PLATFORM:
        mentions = mentions.filter(platform=trend.key)
    elif trend.kind == TrendKind.DOMAIN:
        mentions = mentions.filter(domain__iexact=trend.key)
    else:
        mentions = _holding(mentions, trend)
    return mentions.select_related("source").order_by("-published_at", "-id")


def _holding(mentions: QuerySet[Mention], trend: Trend) -> QuerySet[Mention]:
    """The mentions holding the trend's term (whole words) or hashtag, case and accents
    ignored: listening's search index gives the candidates, bursts.py decides, as it counted."""
    parts = tuple(words(trend.key))
    if not parts:
        return mentions.none()
    holds = holds_hashtag if trend.kind == TrendKind.HASHTAG else holds_term
    found = search.candidates(mentions, Words(parts)).only("id", "title", "text")
    ids = [
        m.pk for m in found.iterator(chunk_size=2000) if holds(f"{m.title}\n{m.text}", trend.key)
    ]
    return search.with_ids(mentions, ids)


def inbox_url(trend: Trend) -> str:
    """The listening inbox filtered on the trend, when its filters can express it."""
    last_day = trend.week + timedelta(days=6)
    params = {"since": trend.week.isoformat(), "until": last_day.isoformat()}
    if trend.kind == TrendKind.PLATFORM:
        params["platform"] = trend.key
    elif trend.kind == TrendKind.DOMAIN:
        return ""
    else:
        params["q"] = trend.key.lstrip("#")
    return reverse("listening:mentions") + "?" + urlencode(params)


def list_platforms(*, status: str = "") -> QuerySet[Platform]:
    platforms = Platform.objects.select_related("owner")
    return platforms.filter(status=status) if status else platforms


def platform_row(platform) -> list:
    return [platform.pk, platform.name, platform.url, platform.status,
            platform.owner.display_name if platform.owner else "", platform.notes,
            platform.updated_at]  # fmt: skip


def list_digests() -> QuerySet[Digest]:
    return Digest.objects.defer("content")


def watch_settings() -> WatchSettings | None:
    return WatchSettings.objects.first()
