"""Alerts on the mentions: volume spike, negative surge, keyword, influential author."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.listening.models.mentions import Query


class AlertKind(models.TextChoices):
    VOLUME_SPIKE = "volume_spike", _("Volume spike")
    NEGATIVE_SURGE = "negative_surge", _("Negative sentiment surge")
    KEYWORD = "keyword", _("Keyword")
    INFLUENTIAL_AUTHOR = "influential_author", _("Influential author")


class AlertPeriod(models.TextChoices):
    HOUR = "hour", _("Hour")
    DAY = "day", _("Day")


class Alert(models.Model):
    """A rule evaluated after ingestion; each firing leaves an AlertEvent."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind)
    query = models.ForeignKey(
        Query,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("scope"),
        help_text=_("Only the mentions of this query; empty for every mention."),
    )
    period = models.CharField(
        _("period"), max_length=4, choices=AlertPeriod, default=AlertPeriod.HOUR
    )
    baseline_periods = models.PositiveIntegerField(_("baseline periods"), default=24)
    sigma = models.FloatField(_("k (standard deviations)"), default=3.0)
    min_count = models.PositiveIntegerField(_("minimum count"), default=10)
    negative_rise = models.FloatField(
        _("rise of the negative share (points)"),
        default=20.0,
        help_text=_("Percentage points above the baseline share of negative mentions."),
    )
    expression = models.TextField(_("keyword query"), max_length=4000, blank=True)
    reach_threshold = models.PositiveBigIntegerField(_("reach threshold"), default=10_000)
    emails = models.TextField(_("email addresses"), blank=True)
    apprise_urls = models.TextField(_("notification URLs (apprise)"), blank=True)
    cooldown_minutes = models.PositiveIntegerField(_("cool-down (minutes)"), default=360)
    enabled = models.BooleanField(_("enabled"), default=True)
    last_fired_at = models.DateTimeField(_("last fired"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_mention_id = models.PositiveBigIntegerField(default=0)  # keyword/author watermark
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self):
        return self.name

    @property
    def email_list(self) -> list[str]:
        return [e.strip() for e in self.emails.replace(",", "\n").splitlines() if e.strip()]

    @property
    def apprise_list(self) -> list[str]:
        return [u.strip() for u in self.apprise_urls.splitlines() if u.strip()]


class AlertEvent(models.Model):
    """One firing of an alert with the figures that triggered it."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="events")
    key = models.CharField(max_length=80)  # one firing per alert and key (idempotence)
    fired_at = models.DateTimeField(default=timezone.now, db_index=True)
    summary = models.CharField(_("summary"), max_length=500)
    figures = models.JSONField(default=dict)
    delivered = models.BooleanField(default=False)
    delivery_errors = models.TextField(blank=True)

    class Meta:
        ordering = ["-fired_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "key"], name="listening_alert_event_unique")
        ]

    def __str__(self):
        return self.summary
