"""Forum data: categories, topics, posts, revisions, reactions, tags and uploads. ORM only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #0b5cad."))

# Reactions: "like" plus a small emoji set. One constant; order is the display order.
REACTIONS = {
    "like": "👍",
    "heart": "❤️",
    "laugh": "😂",
    "wow": "😮",
    "sad": "😢",
    "party": "🎉",
}


class Audience(models.TextChoices):
    """Who may do something in a category: everyone, any member, or a minimum role."""

    EVERYONE = "everyone", _("Everyone")
    MEMBERS = "members", _("Members")
    MODERATORS = "moderator", _("Moderators and above")
    MANAGERS = "manager", _("Community managers and above")
    ADMINS = "admin", _("Administrators")


class ModerationState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held for review")


# Published, neither deleted nor hidden (`Visibility.is_visible`): partial indexes cover these.
VISIBLE_ROWS = models.Q(
    deleted_at__isnull=True, hidden_at__isnull=True, moderation_state="published"
)


class Category(models.Model):
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent category"),
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    colour = models.CharField(_("colour"), max_length=7, default="#0b5cad", validators=[HEX_COLOUR])
    position = models.PositiveIntegerField(_("position"), default=0)
    read_access = models.CharField(
        _("who may read"), max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    topic_access = models.CharField(
        _("who may start topics"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS
    )
    reply_access = models.CharField(
        _("who may reply"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS
    )
    # Members let in whatever the audiences say: they read, start topics and reply (a private
    # category of a testing programme, say). Other apps grant through forum.services.access.
    granted_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="granted_categories",
        verbose_name=_("members granted access"),
        help_text=_("They may read, start topics and reply here, whatever their role."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A category cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Sub-categories go one level deep only.")})
        if self.pk and Category.objects.filter(parent_id=self.pk).exists():
            raise ValidationError({"parent": _("A category with sub-categories stays on top.")})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name


class Visibility(models.Model):
    """Soft delete, hiding by moderation, and the screening decision, shared by topics and posts."""

    moderation_state = models.CharField(
        max_length=16, choices=ModerationState.choices, default=ModerationState.PUBLISHED
    )
    screening_action = models.CharField(max_length=16, default="publish")
    moderation_reasons = models.JSONField(default=list, blank=True)
    moderation_clause = models.CharField(max_length=40, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_held(self) -> bool:
        return self.moderation_state == ModerationState.HELD

    @property
    def is_visible(self) -> bool:
        """Published and neither deleted nor hidden: what everyone may read."""
        return not (self.is_deleted or self.is_hidden or self.is_held)


class Topic(Visibility):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="topics"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="topics")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_closed = models.BooleanField(_("closed"), default=False)
    # Kept by the services: visible posts, latest visible post, numbers handed out.
    post_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(default=timezone.now)
    last_post_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["category", "-is_pinned", "-last_post_at"]),
            models.Index(fields=["category", "-created_at"]),
            # What visitors and members list: visible topics, pinned first, latest activity.
            models.Index(
                fields=["category", "-is_pinned", "-last_post_at", "-id"],
                condition=VISIBLE_ROWS,
                name="forum_topic_list_visible",
            ),
            models.Index(
                fields=["category", "-last_post_at"],
                condition=VISIBLE_ROWS,
                name="forum_topic_latest_visible",
            ),
        ]

    def __str__(self):
        return self.title


class Post(Visibility):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="forum_posts"
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField(_("message"), max_length=20000)
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    # Detected by belvedere.text (fr, en, …, "und"); picks the search configuration.
    language = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        ordering = ["number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="forum_post_number_unique")
        ]
        indexes = [  # unread counts (posts after a number) and reindexing
            models.Index(
                fields=["topic", "number"], condition=VISIBLE_ROWS, name="forum_post_visible"
            )
        ]

    def __str__(self):
        return f"#{self.number} · {self.topic_id}"

    @property
    def is_first(self) -> bool:
        return self.number == 1


class PostRevision(models.Model):
    """The text of a post before one edit; the newest text stays on the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    title = models.CharField(max_length=200, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="forum_revision_unique")
        ]

    def __str__(self):
        return f"{self.post} · v{self.number}"


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reactions"
    )
    kind = models.CharField(max_length=16, choices=[(key, key) for key in REACTIONS])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="forum_reaction_unique")
        ]

    def __str__(self):
        return f"{REACTIONS.get(self.kind, self.kind)} {self.post}"


class Upload(models.Model):
    """An image a member uploaded to use in a post."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="forum/%Y/%m/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.file.name
