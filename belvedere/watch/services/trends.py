"""Computing the week's trends from listening's mentions; the platforms to evaluate."""

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.listening.models import Mention
from belvedere.text.query import fold
from belvedere.watch.bursts import MIN_COUNT, THRESHOLD, WEEKS, burst, hashtags_of, terms_of
from belvedere.watch.models import Platform, Trend, TrendKind
from belvedere.watch.weeks import monday, week_bounds

TOP_PER_KIND = 30
PLATFORM_FIELDS = ("name", "url", "status", "notes", "owner")


def weekly_counts(week: date, weeks: int = WEEKS):
    """({(kind, folded key): counts per week, oldest first, ``week`` last} over ``weeks + 1``
    weeks, {(kind, folded key): Counter of the forms written in ``week``}). Terms and hashtags
    are counted folded (case and accents removed): "Été" and "été" are one key."""
    first = week - timedelta(weeks=weeks)
    start, _ = week_bounds(first)
    _, end = week_bounds(week)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * (weeks + 1))
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rows = Mention.objects.filter(published_at__gte=start, published_at__lt=end).values_list(
        "published_at", "title", "text", "platform", "domain"
    )
    zone = timezone.get_current_timezone()
    for published, title, text, platform, domain in rows.iterator(chunk_size=2000):
        index = min(weeks, (timezone.localtime(published, zone).date() - first).days // 7)
        body = f"{title}\n{text}"
        seen = [(TrendKind.TERM, t) for t in terms_of(body)]
        seen += [(TrendKind.HASHTAG, h) for h in hashtags_of(body)]
        keys = {(kind, fold(form)): form for kind, form in seen}
        keys |= {(TrendKind.PLATFORM, platform): platform} if platform else {}
        keys |= {(TrendKind.DOMAIN, domain.lower()): domain.lower()} if domain else {}
        for key, form in keys.items():
            counts[key][index] += 1
            if index == weeks:
                forms[key][form] += 1
    return counts, forms


def find_trends(week: date, *, min_count=MIN_COUNT, threshold=THRESHOLD) -> list[Trend]:
    best: dict[str, list[Trend]] = defaultdict(list)
    counts, forms = weekly_counts(week)
    for (kind, key), series in counts.items():
        found = burst(series[-1], series[:-1], min_count=min_count, threshold=threshold)
        if found:
            best[kind].append(
                Trend(
                    week=week,
                    kind=kind,
                    key=forms[(kind, key)].most_common(1)[0][0][:200],
                    count=found.count,
                    baseline=found.mean,
                    deviation=found.deviation,
                    score=found.score,
                    is_new=found.is_new,
                )  # fmt: skip
            )
    return [
        t for rows in best.values() for t in sorted(rows, key=lambda t: -t.score)[:TOP_PER_KIND]
    ]


@transaction.atomic
def compute_trends(week: date | None = None, **options) -> list[Trend]:
    """Replace the trends of ``week`` (a Monday; the current week by default)."""
    week = monday(week or timezone.localdate())
    trends = find_trends(week, **options)
    Trend.objects.filter(week=week).delete()
    return Trend.objects.bulk_create(trends)


@transaction.atomic
def create_platform(*, actor, **fields) -> Platform:
    values = {name: value for name, value in fields.items() if name in PLATFORM_FIELDS}
    platform = Platform.objects.create(**values)
    record(actor, "watch.platform_created", platform, staff=True)
    return platform


@transaction.atomic
def update_platform(platform: Platform, *, actor, **changes) -> Platform:
    changed = [n for n, v in changes.items() if n in PLATFORM_FIELDS and getattr(platform, n) != v]
    if not changed:
        return platform
    for name in changed:
        setattr(platform, name, changes[name])
    platform.updated_at = timezone.now()
    fields = ["owner_id" if n == "owner" else n for n in changed]
    platform.save(update_fields=[*fields, "updated_at"])
    record(actor, "watch.platform_updated", platform, staff=True, fields=sorted(changed))
    return platform


@transaction.atomic
def delete_platform(platform: Platform, *, actor) -> None:
    record(actor, "watch.platform_deleted", platform, staff=True, name=platform.name)
    platform.delete()
