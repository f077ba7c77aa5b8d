"""The census of external communities around the brand, and dismissed suggestions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommunityKind(models.TextChoices):
    SUBREDDIT = "subreddit", _("Subreddit")
    MASTODON_INSTANCE = "mastodon_instance", _("Mastodon instance")
    HASHTAG = "hashtag", _("Hashtag")
    FORUM = "forum", _("Forum")
    GROUP = "group", _("Group")
    DISCORD = "discord", _("Discord server")
    FACEBOOK_GROUP = "facebook_group", _("Facebook group")
    BLOG = "blog", _("Blog or site")
    OTHER = "other", _("Other")


class Community(models.Model):
    """An external community; its mentions are those whose community or domain is `match_key`."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("platform"), max_length=20, choices=CommunityKind)
    url = models.URLField(_("address"), max_length=500, blank=True)
    match_platform = models.CharField(
        _("mention platform"),
        max_length=20,
        blank=True,
        help_text=_("Platform of its mentions in the inbox (reddit, mastodon…); empty for any."),
    )
    match_key = models.CharField(
        _("mention community or domain"),
        max_length=200,
        blank=True,
        help_text=_("Its name in the inbox's community column, or a domain such as example.com."),
    )
    size = models.PositiveBigIntegerField(_("size (members or followers)"), null=True, blank=True)
    size_source = models.CharField(_("size source"), max_length=200, blank=True)
    size_date = models.DateField(_("size date"), null=True, blank=True)
    relevance = models.PositiveSmallIntegerField(
        _("relevance (1–5)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name


class DismissedSuggestion(models.Model):
    """A suggested community that a manager dismissed: never suggested again."""

    platform = models.CharField(max_length=20)
    key = models.CharField(max_length=200)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "key"], name="listening_dismissed_unique")
        ]

    def __str__(self):
        return f"{self.platform}:{self.key}"


class CensusScoring(models.Model):
    """One row: the constants of the census's impact score and suggestions, set by managers.

    impact = relevance × log10(1 + size) × (1 + activity_weight × activity share)
             × (1 + sentiment_weight × |sentiment balance|)
    """

    activity_days = models.PositiveSmallIntegerField(
        _("activity window (days)"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Mentions of the last N days give the activity and the sentiment."),
    )
    activity_weight = models.FloatField(
        _("activity weight"),
        default=1.0,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("0 ignores the activity share; 1 doubles the score of a community that "
                    "brings every mention."),
    )  # fmt: skip
    sentiment_weight = models.FloatField(
        _("sentiment weight"),
        default=1.0,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("0 ignores the sentiment; 1 doubles the score of a community wholly for or "
                    "against the brand."),
    )  # fmt: skip
    suggestion_days = models.PositiveSmallIntegerField(
        _("suggestion window (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    suggestion_minimum = models.PositiveIntegerField(
        _("mentions before a place is suggested"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(100000)],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("census scoring")
        verbose_name_plural = _("census scoring")

    def __str__(self):
        return "census scoring"
