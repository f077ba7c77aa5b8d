"""Engagement levels over time, from the engagement app's decaying scores (docs/analytics.md)."""

from datetime import UTC, date, datetime, time, timedelta

from belvedere.analytics.queries.periods import Period
from belvedere.engagement.models import Level
from belvedere.engagement.services.scoring import level_history

LEVELS = list(Level.values)  # observer, participant, contributor, champion


def level_days(period: Period) -> list[date]:
    """The days levels are measured at: every day up to 31 days, else every 7th day, ending on
    the period's last day."""
    step = 1 if period.days <= 31 else 7
    return sorted(period.last - timedelta(days=i) for i in range(0, period.days, step))


def engagement_levels(period: Period) -> list[dict]:
    """People at each level at the end of each measured day: [{"day", "observer", …}]."""
    days = level_days(period)
    ends = [datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC) for day in days]
    return [{"day": day, **counts} for day, counts in zip(days, level_history(ends), strict=True)]


def people_at_level(level: str, period: Period) -> int:
    """People at `level` at the end of the period."""
    end = datetime.combine(period.last + timedelta(days=1), time.min, tzinfo=UTC)
    return level_history([end])[0][level]
