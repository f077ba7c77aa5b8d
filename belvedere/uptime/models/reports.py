"""Members' malfunction reports and improvement suggestions, and the trackers they go to."""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Screenshots live outside MEDIA_ROOT: only staff see them, through a view."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.DATA_DIR / "private")


private_storage = PrivateStorage()


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class Tracker(models.Model):
    """Where the technical team tracks work: an issue tracker API, a webhook or an inbox."""

    class Kind(models.TextChoices):
        GITHUB = "github", "GitHub"
        GITLAB = "gitlab", "GitLab"
        JIRA = "jira", "Jira"
        WEBHOOK = "webhook", _("Webhook")
        EMAIL = "email", _("Email")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    base_url = models.CharField(
        _("base URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "https://api.github.com, https://gitlab.example/api/v4, https://x.atlassian.net"
        ),
    )
    project = models.CharField(
        _("project"),
        max_length=200,
        blank=True,
        help_text=_("owner/repo (GitHub), project id (GitLab), project key (Jira)"),
    )
    username = models.CharField(_("user name (Jira)"), max_length=200, blank=True)
    token = models.CharField(_("token"), max_length=500, blank=True)
    email_to = models.CharField(_("email to"), max_length=500, blank=True)
    webhook_secret = models.CharField(_("webhook secret"), max_length=100, default=new_secret)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tracker")
        verbose_name_plural = _("trackers")

    def __str__(self):
        return self.name

    @property
    def has_token(self) -> bool:
        """Whether a token is stored (what the API and pages say instead of the token)."""
        return bool(self.token)


class ReportKind(models.TextChoices):
    PROBLEM = "problem", _("Problem")
    SUGGESTION = "suggestion", _("Suggestion")


class ReportStatus(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    HANDED_OFF = "handed_off", _("Sent to the technical team")
    RESOLVED = "resolved", _("Resolved")
    DECLINED = "declined", _("Declined")
    DUPLICATE = "duplicate", _("Duplicate")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    page_url = models.CharField(_("page address"), max_length=2048, blank=True)
    user_agent = models.CharField(_("browser"), max_length=400, blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    screenshot = models.ImageField(
        _("screenshot"), upload_to="uptime/screenshots/", storage=private_storage, blank=True
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.NORMAL
    )
    component = models.ForeignKey(
        "uptime.Component", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    staff_note = models.TextField(_("staff note"), blank=True)
    tracker = models.ForeignKey(
        Tracker, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    tracker_issue_id = models.CharField(max_length=100, blank=True)
    tracker_issue_url = models.CharField(max_length=500, blank=True)
    vote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["kind", "status"]),
            models.Index(fields=["tracker", "tracker_issue_id"]),
        ]

    def __str__(self):
        return self.title


class Vote(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "member"], name="uptime_one_vote_per_member")
        ]

    def __str__(self):
        return f"{self.member_id} → {self.report_id}"
