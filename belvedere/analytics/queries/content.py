"""Satisfaction indicators read from content: post and mention sentiment, complaints, flags.

Post sentiment is estimated on a sample (``belvedere.text.analyze_many`` in fast mode) and
cached, since analysing every post on each page view would be slow.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Max, Q

from belvedere.activity.models import Entry
from belvedere.analytics.queries.community import VISIBLE
from belvedere.analytics.queries.periods import Period
from belvedere.forum.models import Post
from belvedere.listening.models import Mention
from belvedere.uptime.models import Report

SAMPLE = 200
FLAG_VERB = "moderation.flag.create"


def _net(positive: int, negative: int, total: int) -> float | None:
    return round(100 * (positive - negative) / total, 1) if total else None


def post_sentiment(period: Period, sample: int = SAMPLE) -> dict:
    """Net sentiment of forum posts: 100 × (positive − negative) / analysed, on a sample."""
    posts = Post.objects.filter(VISIBLE, created_at__gte=period.start, created_at__lt=period.end)
    stats = posts.aggregate(n=Count("id"), last=Max("id"))
    key = f"analytics:postsent:{period.first}:{period.last}:{stats['n']}:{stats['last']}:{sample}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    total = stats["n"]
    step = max(1, total // sample) if total else 1
    ids = list(posts.order_by("id").values_list("id", flat=True)[::step][:sample])
    texts = list(Post.objects.filter(id__in=ids).values_list("body", flat=True))
    from belvedere.text.analyze import analyze_many

    labels = [r["sentiment"]["label"] for r in analyze_many(texts, mode="fast")] if texts else []
    pos, neg = labels.count("positive"), labels.count("negative")
    result = {"posts": total, "analysed": len(labels), "positive": pos, "negative": neg,
              "net": _net(pos, neg, len(labels))}  # fmt: skip
    cache.set(key, result, 6 * 3600)
    return result


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def sentiment_series(period: Period) -> list[dict]:
    """Forum posts (a sample of 100 per bucket) and brand mentions by sentiment, per day up to
    14 days, else per 7 days ending on the period's last day: net score and % positive/negative."""
    step = 1 if period.days <= 14 else 7
    rows = []
    for last in sorted(period.last - timedelta(days=i) for i in range(0, period.days, step)):
        bucket = Period(max(period.first, last - timedelta(days=step - 1)), last)
        posts, mentions = post_sentiment(bucket, sample=100), mention_sentiment(bucket)
        analysed = mentions["positive"] + mentions["neutral"] + mentions["negative"]
        rows.append({
            "day": last, "posts": posts["posts"], "post_net": posts["net"],
            "post_positive": _share(posts["positive"], posts["analysed"]),
            "post_negative": _share(posts["negative"], posts["analysed"]),
            "mentions": mentions["total"], "mention_net": mentions["net"],
            "mention_positive": _share(mentions["positive"], analysed),
            "mention_negative": _share(mentions["negative"], analysed),
        })  # fmt: skip
    return rows


def mention_sentiment(period: Period) -> dict:
    """Brand mentions (listening) by sentiment, with the net score over analysed mentions."""
    mentions = Mention.objects.filter(
        published_at__gte=period.start, published_at__lt=period.end
    ).order_by()
    counts = mentions.aggregate(
        total=Count("id"),
        positive=Count("id", filter=Q(sentiment="positive")),
        neutral=Count("id", filter=Q(sentiment="neutral")),
        negative=Count("id", filter=Q(sentiment="negative")),
    )
    analysed = counts["positive"] + counts["neutral"] + counts["negative"]
    return {**counts, "net": _net(counts["positive"], counts["negative"], analysed)}


def complaints(period: Period) -> int:
    """Problem reports sent by members and visitors (uptime's “Report a problem”)."""
    return Report.objects.filter(
        created_at__gte=period.start, created_at__lt=period.end, kind="problem"
    ).count()


def flags(period: Period) -> int:
    """Content flags raised by members, as recorded in the ledger by moderation."""
    return Entry.objects.filter(
        verb=FLAG_VERB, created_at__gte=period.start, created_at__lt=period.end
    ).count()
