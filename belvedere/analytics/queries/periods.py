"""Date ranges: a period and the one just before it, of the same length."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """Exclusive end instant."""
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=UTC)

    def previous(self) -> "Period":
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.days)]


def period_of(first: date | None = None, last: date | None = None, days: int = 30) -> Period:
    """The given range, or the last `days` days ending today; reversed ranges are swapped."""
    today = timezone.now().date()
    last = last or (first + timedelta(days=days - 1) if first else today)
    first = first or last - timedelta(days=days - 1)
    if first > last:
        first, last = last, first
    if (last - first).days > 3660:
        first = last - timedelta(days=3660)
    return Period(first, last)


def change(current: float | None, previous: float | None) -> float | None:
    """Relative change in %, None when the previous value is 0 or missing."""
    if current is None or not previous:
        return None
    return round(100 * (current - previous) / previous, 1)
