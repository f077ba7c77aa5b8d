"""Community health from the activity ledger and the forum. See docs/analytics.md."""

import statistics
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate, TruncMonth

from belvedere.activity.models import Entry
from belvedere.analytics.queries.periods import Period
from belvedere.forum.models import Post, Topic

# What members do, by the ledger verb that records it.
ACTIONS = {
    "topics": "forum.topic.create",
    "posts": "forum.post.create",
    "reactions": "forum.reaction.add",
    "signups": "member.signup",
    "logins": "member.login",
    "searches": "forum.search",
    "survey_answers": "analytics.survey.answer",
}
VISIBLE = Q(deleted_at__isnull=True, hidden_at__isnull=True, moderation_state="published")


def _member_entries(period: Period):
    return Entry.objects.filter(
        created_at__gte=period.start, created_at__lt=period.end,
        is_staff_action=False, actor__isnull=False,
    ).order_by()  # fmt: skip


def member_actions(period: Period) -> dict[str, int]:
    counts = dict(
        _member_entries(period)
        .filter(verb__in=ACTIONS.values())
        .values_list("verb")
        .annotate(n=Count("id"))
    )
    return {name: counts.get(verb, 0) for name, verb in ACTIONS.items()}


def actions_series(period: Period) -> dict[str, list[int]]:
    rows = (
        _member_entries(period)
        .filter(verb__in=ACTIONS.values())
        .annotate(day=TruncDate("created_at"))
        .values_list("day", "verb")
        .annotate(n=Count("id"))
    )
    index = {day: i for i, day in enumerate(period.each_day())}
    series = {name: [0] * period.days for name in ACTIONS}
    names = {verb: name for name, verb in ACTIONS.items()}
    for day, verb, n in rows:
        if day in index:
            series[names[verb]][index[day]] = n
    return series


def active_members(period: Period) -> int:
    """Distinct members who did anything recorded in the ledger during the period."""
    return _member_entries(period).aggregate(n=Count("actor_id", distinct=True))["n"]


def active_windows(period: Period) -> dict[str, int]:
    """Active members over the last 1, 7 and 30 days of the period (DAU, WAU, MAU)."""
    last = period.last
    return {
        name: active_members(Period(last - timedelta(days=days - 1), last))
        for name, days in (("daily", 1), ("weekly", 7), ("monthly", 30))
    }


def new_and_returning(period: Period) -> dict[str, int]:
    actors = _member_entries(period).values("actor_id").distinct()
    members = get_user_model().objects.filter(pk__in=actors)
    new = members.filter(date_joined__gte=period.start).count()
    return {"new": new, "returning": members.count() - new}


def retention_cohorts(period: Period, months: int = 6) -> list[dict]:
    """For each join month: its size and the % of it active in each following month."""
    users = get_user_model().objects.filter(date_joined__lt=period.end)
    cohorts = dict(
        users.annotate(m=TruncMonth("date_joined")).values_list("m").annotate(n=Count("id"))
    )
    active = (
        Entry.objects.filter(is_staff_action=False, actor__isnull=False, created_at__lt=period.end)
        .annotate(m=TruncMonth("created_at"), joined=TruncMonth("actor__date_joined"))
        .values_list("joined", "m")
        .annotate(n=Count("actor_id", distinct=True))
        .order_by()
    )
    seen = {(joined, month): n for joined, month, n in active}
    rows = []
    for joined in sorted(cohorts)[-months:]:
        size, shares = cohorts[joined], []
        for k in range(months):
            month = _add_months(joined, k)
            if month > period.end:
                break
            shares.append(round(100 * seen.get((joined, month), 0) / size, 1))
        rows.append({"cohort": joined.strftime("%Y-%m"), "size": size, "retention": shares})
    return rows


def _add_months(moment, k: int):
    month = moment.month - 1 + k
    return moment.replace(year=moment.year + month // 12, month=month % 12 + 1)


def _first_replies(period: Period, category_id: int | None = None):
    """Visible topics created in the period, with the time of the first reply by someone else."""
    others = Post.objects.filter(VISIBLE, topic=OuterRef("pk"), number__gt=1).exclude(
        author_id=OuterRef("author_id")
    )
    topics = Topic.objects.filter(VISIBLE, created_at__gte=period.start, created_at__lt=period.end)
    if category_id:
        topics = topics.filter(category_id=category_id)
    first = Subquery(others.order_by("created_at").values("created_at")[:1])
    return topics.annotate(first_reply_at=first)


def questions(period: Period, category_id: int | None = None) -> dict:
    """Topics started, share answered by someone else, median hours to that first reply."""
    rows = list(_first_replies(period, category_id).values_list("created_at", "first_reply_at"))
    waits = [(reply - start).total_seconds() / 3600 for start, reply in rows if reply]
    return {
        "topics": len(rows),
        "answered": len(waits),
        "answered_share": round(100 * len(waits) / len(rows), 1) if rows else None,
        "first_reply_hours": round(statistics.median(waits), 2) if waits else None,
    }


def questions_by_category(period: Period) -> list[dict]:
    rows = _first_replies(period).values_list(
        "category_id", "category__name", "created_at", "first_reply_at"
    )
    acc: dict[int, dict] = {}
    for category_id, name, start, reply in rows:
        slot = acc.setdefault(category_id, {"id": category_id, "category": name, "waits": [],
                                            "topics": 0})  # fmt: skip
        slot["topics"] += 1
        if reply:
            slot["waits"].append((reply - start).total_seconds() / 3600)
    result = []
    for slot in sorted(acc.values(), key=lambda s: s["category"]):
        waits = slot.pop("waits")
        slot["answered"] = len(waits)
        slot["answered_share"] = round(100 * len(waits) / slot["topics"], 1)
        slot["first_reply_hours"] = round(statistics.median(waits), 2) if waits else None
        result.append(slot)
    return result


def unanswered_topics(period: Period) -> int:
    """Visible topics started in the period still without a reply from someone else."""
    return _first_replies(period).filter(first_reply_at__isnull=True).count()


def top_contributors(period: Period, limit: int = 10) -> list[dict]:
    posts = Post.objects.filter(
        VISIBLE, created_at__gte=period.start, created_at__lt=period.end, author__isnull=False
    )
    rows = (
        posts.values("author_id", name=F("author__display_name"))
        .annotate(posts=Count("id"), topics=Count("id", filter=Q(number=1)))
        .order_by("-posts", "name")[:limit]
    )
    return list(rows)
