"""Weeks run Monday to Sunday in the site's time zone."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_bounds(week: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(week, time.min), zone)
    return start, timezone.make_aware(datetime.combine(week + timedelta(days=7), time.min), zone)
