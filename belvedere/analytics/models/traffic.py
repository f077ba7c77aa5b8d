"""Traffic: salts, the ingestion buffer, raw events, visits and the rollups dashboards read."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Salt(models.Model):
    """The secret of one UTC day; visitor ids of that day are keyed hashes with it.

    Deleted once the day is over, so yesterday's ids can never be recomputed from an IP.
    """

    day = models.DateField(unique=True)
    secret = models.BinaryField(max_length=32)

    def __str__(self):
        return str(self.day)


class PendingEvent(models.Model):
    """An accepted event waiting for the flush task (the buffer when Redis is not configured)."""

    payload = models.JSONField()

    def __str__(self):
        return f"pending {self.pk}"


class Visit(models.Model):
    """A visit (session): a visitor's events with no gap longer than 30 minutes."""

    visitor_id = models.BigIntegerField(db_index=True)
    domain = models.CharField(max_length=120)
    started_at = models.DateTimeField(db_index=True)
    ended_at = models.DateTimeField(db_index=True)
    entry_page = models.CharField(max_length=500)
    exit_page = models.CharField(max_length=500)
    pageviews = models.PositiveIntegerField(default=0)
    interactions = models.PositiveIntegerField(default=0)  # interactive custom events
    source = models.CharField(max_length=120, blank=True)
    referrer = models.CharField(max_length=200, blank=True)
    utm_source = models.CharField(max_length=120, blank=True)
    utm_medium = models.CharField(max_length=120, blank=True)
    utm_campaign = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=2, blank=True)
    device = models.CharField(max_length=16, blank=True)
    browser = models.CharField(max_length=40, blank=True)
    os = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        indexes = [models.Index(fields=["visitor_id", "-ended_at"])]

    def __str__(self):
        return f"{self.visitor_id} @ {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_bounce(self) -> bool:
        return self.pageviews <= 1 and self.interactions == 0

    @property
    def duration(self) -> float:
        return (self.ended_at - self.started_at).total_seconds()


class Event(models.Model):
    """One page view, custom event or engagement ping, after hashing and parsing."""

    PAGEVIEW = "pageview"
    ENGAGEMENT = "engagement"

    timestamp = models.DateTimeField(db_index=True)
    name = models.CharField(max_length=120)
    domain = models.CharField(max_length=120)
    pathname = models.CharField(max_length=500)
    visitor_id = models.BigIntegerField()
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="events")
    interactive = models.BooleanField(default=True)
    engagement_ms = models.PositiveIntegerField(default=0)
    props = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["name", "timestamp"])]

    def __str__(self):
        return f"{self.name} {self.pathname}"


class Rollup(models.Model):
    """Figures of one UTC day (or hour), overall (dimension "") or for one value of a dimension.

    ``visitors`` of a day are exact (distinct ids); summing days is exact too, since ids
    change every day (a person seen on two days is two visitors, as in Plausible).
    """

    DAY = "day"
    HOUR = "hour"

    granularity = models.CharField(max_length=4, default=DAY)
    bucket = models.DateTimeField()
    dimension = models.CharField(max_length=20, blank=True)
    value = models.CharField(max_length=500, blank=True)
    visitors = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)
    pageviews = models.PositiveIntegerField(default=0)
    bounces = models.PositiveIntegerField(default=0)
    duration = models.PositiveBigIntegerField(default=0)  # seconds, summed over visits
    events = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["granularity", "dimension", "bucket", "value"],
                name="analytics_rollup_unique",
            )
        ]

    def __str__(self):
        return f"{self.granularity} {self.bucket:%Y-%m-%d %H} {self.dimension}={self.value}"


class GoalKind(models.TextChoices):
    EVENT = "event", _("Custom event")
    PAGE = "page", _("Page visit")


class Goal(models.Model):
    """A conversion: a custom event name, or a page path (``*`` matches any characters)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=8, choices=GoalKind.choices)
    target = models.CharField(
        _("event name or page path"), max_length=500, help_text=_("For pages, * is a wildcard.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
