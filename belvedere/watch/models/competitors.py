"""Competitors (and the company itself, for the comparison) and their public activity."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.listening.models import Community, Query


class Competitor(models.Model):
    name = models.CharField(_("name"), max_length=120)
    is_company = models.BooleanField(
        _("this is our company"), default=False, help_text=_("The reference in comparisons.")
    )
    brands = models.CharField(_("brands"), max_length=500, blank=True)
    site_url = models.URLField(_("site"), max_length=500, blank=True)
    forum_url = models.URLField(_("forum"), max_length=500, blank=True)
    social_accounts = models.TextField(
        _("social accounts"), blank=True, help_text=_("One address per line.")
    )
    feed_urls = models.TextField(
        _("public feeds"),
        blank=True,
        help_text=_("RSS or Atom feeds of their blog, forum or accounts, one per line."),
    )
    queries = models.ManyToManyField(
        Query, blank=True, related_name="+", verbose_name=_("listening queries")
    )
    communities = models.ManyToManyField(
        Community, blank=True, related_name="+", verbose_name=_("communities")
    )
    notes = models.TextField(_("notes"), blank=True, max_length=10000)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_company", "name", "id"]
        verbose_name = _("competitor")
        verbose_name_plural = _("competitors")
        constraints = [
            models.UniqueConstraint(
                fields=["is_company"], condition=Q(is_company=True), name="watch_one_company"
            )
        ]

    def __str__(self):
        return self.name

    def feed_list(self) -> list[str]:
        return [line.strip() for line in self.feed_urls.splitlines() if line.strip()]

    def account_list(self) -> list[str]:
        return [line.strip() for line in self.social_accounts.splitlines() if line.strip()]


class ActivityKind(models.TextChoices):
    POST = "post", _("Post")
    EVENT = "event", _("Event")


class CompetitorActivity(models.Model):
    """One item of a competitor's public feeds."""

    competitor = models.ForeignKey(Competitor, on_delete=models.CASCADE, related_name="activity")
    kind = models.CharField(_("kind"), max_length=10, choices=ActivityKind, default="post")
    external_id = models.CharField(max_length=64)  # sha256 of the feed item's id or link
    title = models.CharField(_("title"), max_length=500, blank=True)
    url = models.URLField(_("address"), max_length=2000, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    feed_url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now, db_index=True)
    engagement = models.PositiveIntegerField(_("engagement"), default=0)
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("competitor activity")
        verbose_name_plural = _("competitor activity")
        constraints = [
            models.UniqueConstraint(
                fields=["competitor", "external_id"], name="watch_activity_unique"
            )
        ]

    def __str__(self):
        return self.title or self.url
