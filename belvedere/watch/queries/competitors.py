"""Reads of competitors: profiles, their listening figures, activity and the comparison."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Case, Count, F, FloatField, Prefetch, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Ln, TruncWeek
from django.shortcuts import get_object_or_404
from django.utils import timezone

from belvedere.listening.models import Community, Mention, MentionMatch, Query
from belvedere.listening.queries_dashboard import (
    Period,
    period_of,
    reputation,
    sentiment_split,
    share_of_voice,
    volume,
)
from belvedere.watch.models import Competitor, CompetitorActivity
from belvedere.watch.queries import gate

ACTIVITY_WEEKS = 12
COMPETITOR_CSV = ["id", "name", "is_company", "brands", "site_url", "forum_url", "queries",
                  "mentions", "share", "positive", "negative", "reputation", "posts",
                  "events", "engagement"]  # fmt: skip
ACTIVITY_CSV = ["id", "competitor", "kind", "published_at", "title", "url", "engagement"]


def _related(competitors: QuerySet[Competitor]) -> QuerySet[Competitor]:
    return competitors.prefetch_related(
        Prefetch("queries", queryset=Query.objects.only("id", "name", "kind")),
        Prefetch("communities", queryset=Community.objects.only("id", "name", "kind", "url")),
    )


def get_competitor_for_user(user, competitor_id: int) -> Competitor:
    gate(user)
    return get_object_or_404(_related(Competitor.objects.all()), pk=competitor_id)


def list_competitors() -> QuerySet[Competitor]:
    return _related(Competitor.objects.annotate(activity_count=Count("activity")))


def list_activity(competitor=None, *, kind: str = "") -> QuerySet[CompetitorActivity]:
    rows = CompetitorActivity.objects.select_related("competitor")
    if competitor is not None:
        rows = rows.filter(competitor=competitor)
    return rows.filter(kind=kind) if kind else rows


def activity_row(row) -> list:
    return [row.pk, row.competitor.name, row.kind, row.published_at, row.title, row.url,
            row.engagement]  # fmt: skip


def mentions_of(competitor: Competitor, period: Period) -> QuerySet[Mention]:
    start, end = period.bounds()
    ids = MentionMatch.objects.filter(query__in=competitor.queries.all()).values("mention_id")
    return Mention.objects.filter(published_at__gte=start, published_at__lt=end, pk__in=ids)


def profile_figures(competitor: Competitor, period: Period) -> dict:
    """Listening's figures (volume, sentiment, reputation) over the competitor's queries."""
    mentions = mentions_of(competitor, period)
    split = sentiment_split(mentions)
    return {
        "period": period,
        "total": sum(split.values()),
        "sentiment": split,
        "reputation": reputation(mentions),
        "volume": volume(mentions, period),
        "activity": weekly_activity([competitor.pk]).get(competitor.pk, []),
    }


def weeks_back(count: int = ACTIVITY_WEEKS) -> list[date]:
    this_monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    return [this_monday - timedelta(weeks=count - 1 - i) for i in range(count)]


def weekly_activity(competitor_ids, weeks: int = ACTIVITY_WEEKS) -> dict[int, list[dict]]:
    """{competitor id: [{week, posts, events, engagement}] for the last ``weeks`` weeks}."""
    mondays = weeks_back(weeks)
    start = period_of(mondays[0], mondays[-1]).bounds()[0]
    rows = (
        CompetitorActivity.objects.filter(competitor_id__in=competitor_ids, published_at__gte=start)
        .annotate(week=TruncWeek("published_at", tzinfo=timezone.get_current_timezone()))
        .values("competitor_id", "week", "kind")
        .annotate(n=Count("id"), engagement=Sum("engagement"))
        .order_by()
    )
    found: dict = defaultdict(lambda: {"posts": 0, "events": 0, "engagement": 0})
    for row in rows:
        week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
        cell = found[(row["competitor_id"], week)]
        cell["posts" if row["kind"] == "post" else "events"] += row["n"]
        cell["engagement"] += row["engagement"] or 0
    return {
        pk: [{"week": monday, **found[(pk, monday)]} for monday in mondays] for pk in competitor_ids
    }


def _listening_by_query(query_ids, period: Period) -> dict[int, dict]:
    """Per query: mentions by sentiment and the reputation's sums, in two grouped queries."""
    start, end = period.bounds()
    matches = MentionMatch.objects.filter(
        query_id__in=query_ids, mention__published_at__gte=start, mention__published_at__lt=end
    )
    out: dict[int, dict] = defaultdict(lambda: defaultdict(float))
    for row in matches.values("query_id", "mention__sentiment").annotate(n=Count("id")).order_by():
        out[row["query_id"]][row["mention__sentiment"] or "unknown"] += row["n"]
    weight = Ln(Cast(F("mention__reach"), FloatField()) + Value(1.0))
    sign = Case(
        When(mention__sentiment="positive", then=Value(1.0)),
        When(mention__sentiment="negative", then=Value(-1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    analysed = matches.exclude(mention__sentiment="").values("query_id")
    for row in analysed.annotate(num=Sum(weight * sign), den=Sum(weight)).order_by():
        out[row["query_id"]]["num"] += row["num"] or 0
        out[row["query_id"]]["den"] += row["den"] or 0
    return out


def _percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def comparison(period: Period | None = None, competitors=None) -> list[dict]:
    """One row per competitor (the company first): share of voice, sentiment, reputation,
    and their public activity over the period (posts and events per week, engagement)."""
    period = period or period_of()
    competitors = list(competitors if competitors is not None else list_competitors())
    query_ids = {q.pk for c in competitors for q in c.queries.all()}
    by_query = _listening_by_query(query_ids, period)
    sov = {row["query_id"]: row["share"] for row in share_of_voice(period)}
    weeks = max(1, period.days // 7)
    activity = weekly_activity([c.pk for c in competitors], weeks)
    rows = []
    for competitor in competitors:
        ids = [q.pk for q in competitor.queries.all()]
        sums = defaultdict(float)
        for pk in ids:
            for key, value in by_query.get(pk, {}).items():
                sums[key] += value
        total = sum(sums[k] for k in ("positive", "neutral", "negative", "unknown"))
        weekly = activity.get(competitor.pk, [])
        posts = sum(w["posts"] for w in weekly)
        rows.append({
            "competitor": competitor, "id": competitor.pk, "name": competitor.name,
            "is_company": competitor.is_company, "mentions": int(total),
            "share": round(sum(sov.get(pk, 0) for pk in ids), 1),
            "positive": _percent(sums["positive"], total),
            "negative": _percent(sums["negative"], total),
            "reputation": round(100 * sums["num"] / sums["den"], 1) if sums["den"] else None,
            "posts": posts, "posts_per_week": round(posts / weeks, 1),
            "events": sum(w["events"] for w in weekly),
            "engagement": sum(w["engagement"] for w in weekly), "weekly": weekly,
        })  # fmt: skip
    return rows


def comparison_row(row: dict) -> list:
    competitor = row["competitor"]
    return [row["id"], row["name"], row["is_company"], competitor.brands, competitor.site_url,
            competitor.forum_url, ", ".join(q.name for q in competitor.queries.all()),
            row["mentions"], row["share"], row["positive"], row["negative"],
            row["reputation"], row["posts"], row["events"], row["engagement"]]  # fmt: skip
