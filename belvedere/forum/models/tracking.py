"""What the forum keeps per member: notifications and e-mail preference, watches, read
positions; and the search document of each post. ORM only."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.forum.models.content import Category, Post, Topic


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    NEVER = "never", _("Never")


class ForumProfile(models.Model):
    """A member's forum preferences; created on first use (absent means the defaults)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="forum_profile",
    )
    email_frequency = models.CharField(
        _("e-mail me about notifications"),
        max_length=16,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATELY,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} · {self.email_frequency}"


class WatchLevel(models.TextChoices):
    WATCHING = "watching", _("Watching")
    TRACKING = "tracking", _("Normal")
    MUTED = "muted", _("Muted")


class Watch(models.Model):
    """A member's level on one topic or one category (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    level = models.CharField(max_length=16, choices=WatchLevel.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True, category__isnull=False)
                | Q(topic__isnull=False, category__isnull=True),
                name="forum_watch_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="forum_watch_topic_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="forum_watch_category_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.level} {self.topic_id or self.category_id}"


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Mention")
    REPLY = "reply", _("Reply")
    QUOTE = "quote", _("Quote")
    REACTION = "reaction", _("Reaction")
    WATCHED_TOPIC = "watched_topic", _("New post in a watched topic")
    WATCHED_CATEGORY = "watched_category", _("New topic in a watched category")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    reaction = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="forum_notif_unread"),
            models.Index(fields=["recipient", "-created_at"], name="forum_notif_recent"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "post", "actor", "reaction"],
                name="forum_notification_once",
            )
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id} · {self.post_id}"


class TopicRead(models.Model):
    """How far a member has read a topic: the highest post number seen, and its time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reads"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    last_read_number = models.PositiveIntegerField(default=0)
    last_read_at = models.DateTimeField()
    updated_at = models.DateTimeField(default=timezone.now)
    # Time spent on the topic's pages: the gap to the member's next reading page (capped).
    read_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_topic_read_unique")
        ]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} to #{self.last_read_number}"


class PostSearch(models.Model):
    """The PostgreSQL search document of a post (SQLite keeps an FTS5 table instead)."""

    post = models.OneToOneField(
        Post, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    config = models.CharField(max_length=32)
    vector = SearchVectorField(null=True)

    def __str__(self):
        return f"search {self.post_id}"
