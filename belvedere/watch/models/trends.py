"""Trends found in listening's mentions, platforms to evaluate, weekly digests, settings."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrendKind(models.TextChoices):
    TERM = "term", _("Term")
    HASHTAG = "hashtag", _("Hashtag")
    PLATFORM = "platform", _("Platform")
    DOMAIN = "domain", _("Domain")


class Trend(models.Model):
    """A key whose weekly count bursts above its own history (see docs/watch.md)."""

    week = models.DateField(_("week"), db_index=True)  # Monday
    kind = models.CharField(_("kind"), max_length=10, choices=TrendKind)
    key = models.CharField(_("key"), max_length=200)
    count = models.PositiveIntegerField(_("mentions"))
    baseline = models.FloatField(_("weekly mean before"))
    deviation = models.FloatField(default=0)
    score = models.FloatField(_("z-score"))
    is_new = models.BooleanField(_("new"), default=False)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week", "-score", "key"]
        constraints = [
            models.UniqueConstraint(fields=["week", "kind", "key"], name="watch_trend_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.key} ({self.week})"


class PlatformStatus(models.TextChoices):
    TO_EVALUATE = "to_evaluate", _("To evaluate")
    EVALUATING = "evaluating", _("Evaluating")
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Not for us")


class Platform(models.Model):
    """A platform or usage the team means to evaluate."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PlatformStatus, default=PlatformStatus.TO_EVALUATE
    )
    notes = models.TextField(_("notes"), blank=True, max_length=10000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "name"]
        verbose_name = _("platform to evaluate")
        verbose_name_plural = _("platforms to evaluate")

    def __str__(self):
        return self.name


class Digest(models.Model):
    """The watch digest of one week (Monday to Sunday)."""

    week = models.DateField(_("week"), unique=True)
    content = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-week"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self):
        return f"{self.week}"


class WatchSettings(models.Model):
    """One row: the secret of the all-watches feed and who receives the digest."""

    feed_token = models.CharField(max_length=64)
    digest_to_team = models.BooleanField(_("send the digest to managers and admins"), default=True)
    digest_emails = models.TextField(_("other digest emails"), blank=True)
    digest_apprise_urls = models.TextField(_("digest notification URLs"), blank=True)

    class Meta:
        verbose_name = _("watch settings")
        verbose_name_plural = _("watch settings")

    def __str__(self):
        return "watch settings"
