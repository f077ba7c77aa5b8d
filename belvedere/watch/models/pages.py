"""Page watch: any page, a CSS selector, ignore patterns, a trigger text; its history."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageWatch(models.Model):
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("address"), max_length=2000)
    selector = models.CharField(
        _("CSS selector"), max_length=300, blank=True, help_text=_("Empty for the whole page.")
    )
    ignore_patterns = models.TextField(
        _("ignore patterns"),
        blank=True,
        help_text=_("Regular expressions, one per line; what they match is removed first."),
    )
    trigger_text = models.CharField(
        _("trigger text"),
        max_length=200,
        blank=True,
        help_text=_("Notify only when this text appears or its surroundings change."),
    )
    enabled = models.BooleanField(_("fetch on schedule"), default=True)
    interval_minutes = models.PositiveIntegerField(_("check every (minutes)"), default=60)
    emails = models.TextField(_("emails"), blank=True, help_text=_("One address per line."))
    apprise_urls = models.TextField(
        _("notification URLs"), blank=True, help_text=_("apprise URLs, one per line.")
    )
    feed_token = models.CharField(max_length=64)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    next_fetch_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("page watch")
        verbose_name_plural = _("page watches")

    def __str__(self):
        return self.name

    def pattern_list(self) -> list[str]:
        return [line.strip() for line in self.ignore_patterns.splitlines() if line.strip()]


class PageSnapshot(models.Model):
    """The watched text each time it changed."""

    watch = models.ForeignKey(PageWatch, on_delete=models.CASCADE, related_name="snapshots")
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    text_hash = models.CharField(max_length=64)
    triggered = models.BooleanField(_("trigger met"), default=False)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    added = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("page snapshot")
        verbose_name_plural = _("page snapshots")

    def __str__(self):
        return f"{self.watch} @ {self.recorded_at:%Y-%m-%d %H:%M}"
