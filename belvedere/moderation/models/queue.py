"""The review queue, members' flags, submissions (for flood checks) and moderator notes."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class Resolution(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")
    DELETED = "deleted", _("Deleted")
    EDITED = "edited", _("Edited")
    DISMISSED = "dismissed", _("Kept (flags dismissed)")


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    HARASSMENT = "harassment", _("Insult or harassment")
    HATE = "hate", _("Hate speech")
    ILLEGAL = "illegal", _("Illegal content")
    OFF_TOPIC = "off-topic", _("Off topic")
    OTHER = "other", _("Something else")


class FlagStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    AGREED = "agreed", _("Agreed")
    DISAGREED = "disagreed", _("Disagreed")


class QueueItem(models.Model):
    """One piece of content waiting for a moderator: held, flagged or a new member's first post.

    What the queue shows is copied here when the item opens (preview, author, address), so the
    queue reads one table whatever the kind of content."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    content_label = models.CharField(max_length=80, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_items",
    )
    preview = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=ItemStatus.choices, default=ItemStatus.OPEN)
    held = models.BooleanField(default=False)
    first_post = models.BooleanField(default=False)
    auto_hidden = models.BooleanField(default=False)
    review_requested = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    clause = models.CharField(max_length=40, blank=True)
    score = models.FloatField(default=0)
    flag_count = models.PositiveIntegerField(default=0)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(max_length=16, choices=Resolution.choices, blank=True)

    class Meta:
        ordering = ["-score", "created_at"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        indexes = [
            models.Index(fields=["status", "-score", "created_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(status="open"),
                name="moderation_one_open_item",
            )
        ]

    def __str__(self):
        return f"{self.content_label} {self.object_id}"

    @property
    def is_open(self) -> bool:
        return self.status == ItemStatus.OPEN


class Flag(models.Model):
    """A member's report on a piece of content; its weight counts towards hiding it."""

    item = models.ForeignKey(QueueItem, on_delete=models.CASCADE, related_name="flags")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_flags"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    text = models.CharField(_("details"), max_length=500, blank=True)
    weight = models.FloatField(default=1)
    status = models.CharField(max_length=16, choices=FlagStatus.choices, default=FlagStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "flagger"], name="moderation_flag_once"
            )
        ]

    def __str__(self):
        return f"{self.reason} · {self.object_id}"


class Submission(models.Model):
    """What a member submitted and when (a digest of the normalised text): flood and
    duplicate checks read it. Old rows are pruned."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)
    links = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self):
        return f"{self.kind} · {self.created_at:%Y-%m-%d %H:%M}"


class ModeratorNote(models.Model):
    """A private note staff keep on a member."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]
