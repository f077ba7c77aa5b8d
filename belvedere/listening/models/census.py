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
