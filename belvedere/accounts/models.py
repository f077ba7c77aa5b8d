import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    MANAGER = "manager", _("Community manager")
    ADMIN = "admin", _("Administrator")


ROLE_RANK = {Role.MEMBER: 0, Role.MODERATOR: 1, Role.MANAGER: 2, Role.ADMIN: 3}
TIMEZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required")
        email = self.normalize_email(email).lower()
        fields.setdefault("display_name", email.split("@")[0][:40])
        user = self.model(email=email, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN, email_verified=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=40)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    email_verified = models.BooleanField(_("email verified"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the admin site"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    bio = models.TextField(_("bio"), max_length=2000, blank=True)
    # A bio that screening held: only the member and staff see it until a moderator decides.
    pending_bio = models.TextField(_("bio awaiting review"), max_length=2000, blank=True)
    # The screening decision on the member's own profile text: action, reasons, clause, message.
    profile_screening = models.JSONField(default=dict, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(Lower("display_name"), name="unique_display_name_ci"),
        ]

    def __str__(self):
        return self.display_name

    def has_role(self, role: str) -> bool:
        """True when the member's role is `role` or above it."""
        return self.is_active and ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(role)]

    @property
    def is_moderator(self) -> bool:
        return self.has_role(Role.MODERATOR)

    @property
    def is_manager(self) -> bool:
        return self.has_role(Role.MANAGER)

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is kept; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Badge(models.Model):
    """A distinction shown beside a member's name on the forum; apps above award them
    (engagement: "Ambassador · Gold"). One badge per member and `key`."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="badges")
    key = models.SlugField(_("key"), max_length=40)  # the awarding app's name for it
    label = models.CharField(_("label"), max_length=80)  # English, translated when shown
    tone = models.SlugField(_("tone"), max_length=16, blank=True)  # a style: gold, silver…
    awarded_at = models.DateTimeField(_("awarded at"), default=timezone.now)

    class Meta:
        ordering = ["awarded_at", "pk"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="accounts_badge_key")]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label in the reader's language (awarding apps mark labels with gettext_noop)."""
        from django.utils.translation import gettext

        return gettext(self.label)
