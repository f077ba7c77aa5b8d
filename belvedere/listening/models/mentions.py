"""Listening: sources (with their health), boolean queries, mentions and their triage."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.listening.search import search_text


class Source(models.Model):
    """Where mentions come from: one connector kind and its configuration."""

    kind = models.CharField(_("kind"), max_length=20, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    config = models.JSONField(_("configuration"), default=dict, blank=True)
    interval_minutes = models.PositiveIntegerField(_("fetch every (minutes)"), default=30)
    enabled = models.BooleanField(_("enabled"), default=True)
    # Incremental fetching
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    cursor = models.CharField(max_length=500, blank=True)
    # Inbound webhook: only the SHA-256 of the secret is kept.
    secret_digest = models.CharField(max_length=64, blank=True)
    # Health
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True, db_index=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    items_last_run = models.PositiveIntegerField(_("items in the last run"), default=0)
    items_fetched = models.PositiveBigIntegerField(_("items fetched"), default=0)
    mentions_created = models.PositiveBigIntegerField(_("new mentions"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name

    @property
    def health(self) -> str:
        """``disabled``, ``never`` (not run yet), ``ok`` or ``failing``."""
        if not self.enabled:
            return "disabled"
        if self.consecutive_failures:
            return "failing"
        return "ok" if self.last_success_at else "never"


class QueryKind(models.TextChoices):
    BRAND = "brand", _("Brand")
    COMPETITOR = "competitor", _("Competitor")
    TOPIC = "topic", _("Topic")


class Query(models.Model):
    """A boolean query (see docs/listening.md); mentions it matches are linked to it."""

    name = models.CharField(_("name"), max_length=120)
    text = models.TextField(_("query"), max_length=4000)
    kind = models.CharField(_("kind"), max_length=12, choices=QueryKind, default=QueryKind.BRAND)
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        help_text=_("Comma-separated codes (fr, en); empty for every language."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("query")
        verbose_name_plural = _("queries")

    def __str__(self):
        return self.name

    @property
    def language_list(self) -> list[str]:
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="listening_tag_unique_name_ci")]

    def __str__(self):
        return self.name


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class MentionManager(models.Manager):
    def bulk_create(self, objs, *args, **kwargs):
        """Fill each mention's ``search_text`` first (bulk_create does not call save())."""
        objs = list(objs)
        for mention in objs:
            mention.fill_search_text()
        return super().bulk_create(objs, *args, **kwargs)


class Mention(models.Model):
    """One post, comment or article that a source brought in."""

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    platform = models.CharField(_("platform"), max_length=20, db_index=True)
    external_id = models.CharField(max_length=300, blank=True)
    url = models.URLField(_("address"), max_length=2000, blank=True)
    canonical_url = models.URLField(max_length=2000, blank=True)
    url_hash = models.CharField(max_length=64, blank=True)
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    author_handle = models.CharField(max_length=200, blank=True, db_index=True)
    author_url = models.URLField(max_length=2000, blank=True)
    author_followers = models.PositiveBigIntegerField(null=True, blank=True)
    domain = models.CharField(_("domain"), max_length=200, blank=True, db_index=True)
    community = models.CharField(
        _("community"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_("Subreddit, instance, site or feed the mention was found in."),
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True, db_index=True)
    sentiment = models.CharField(
        _("sentiment"), max_length=10, choices=Sentiment, blank=True, db_index=True
    )
    sentiment_score = models.FloatField(null=True, blank=True)  # −1 (negative) … 1 (positive)
    sentiment_backend = models.CharField(max_length=20, blank=True)
    toxicity = models.FloatField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now, db_index=True)
    fetched_at = models.DateTimeField(default=timezone.now)
    reach = models.PositiveBigIntegerField(_("reach"), default=0)
    reach_is_estimate = models.BooleanField(default=True)
    engagement = models.JSONField(default=dict, blank=True)  # {"likes": 3, "replies": 1, …}
    engagement_total = models.PositiveBigIntegerField(_("engagement"), default=0)
    extra = models.JSONField(default=dict, blank=True)  # platform-specific details
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listening_mentions",
        verbose_name=_("assigned to"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="mentions")
    queries = models.ManyToManyField(
        Query, through="MentionMatch", blank=True, related_name="mentions"
    )
    # The folded words of title and text, indexed for full-text search (listening/search.py).
    search_text = models.TextField(blank=True, editable=False)

    objects = MentionManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "external_id"],
                condition=~Q(external_id=""),
                name="listening_mention_unique_platform_id",
            ),
            models.UniqueConstraint(
                fields=["url_hash"],
                condition=~Q(url_hash=""),
                name="listening_mention_unique_url",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # the mentions still to be re-read by the accurate text backend (ingest.refine)
            models.Index(
                fields=["-id"],
                condition=models.Q(sentiment_backend="fast"),
                name="listening_mention_to_refine",
            ),
        ]

    def __str__(self):
        return (self.title or self.text)[:80] or f"{self.platform} {self.external_id}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"title", "text"} & set(update_fields):
            self.fill_search_text()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def fill_search_text(self) -> None:
        self.search_text = search_text(self.title, self.text)


class MentionMatch(models.Model):
    """A query matched a mention."""

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="matches")
    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="matches")
    matched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mention", "query"], name="listening_match_unique")
        ]

    def __str__(self):
        return f"{self.query_id} → {self.mention_id}"


class MentionNote(models.Model):
    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:80]
