"""Product-testing programmes: call, criteria, applications, feedback. ORM only."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.engagement.models.people import Level


class ProgrammeStatus(models.TextChoices):
    OPEN = "open", _("Open for applications")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class Programme(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    terms = models.TextField(_("programme terms"), max_length=10000)
    status = models.CharField(
        _("status"), max_length=16, choices=ProgrammeStatus.choices, default=ProgrammeStatus.OPEN
    )
    seats = models.PositiveIntegerField(_("testers wanted"), default=10)
    min_level = models.CharField(
        _("minimum level"), max_length=16, choices=Level.choices, default=Level.OBSERVER
    )
    languages = models.CharField(
        _("languages"), max_length=60, blank=True, help_text=_("Comma-separated, e.g. fr, en.")
    )
    min_posts = models.PositiveIntegerField(_("forum posts in the last 90 days"), default=0)
    call_sent_at = models.DateTimeField(null=True, blank=True)  # the call emailed to members
    category = models.ForeignKey(  # the testers' forum category
        "forum.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("testing programme")
        verbose_name_plural = _("testing programmes")

    def __str__(self):
        return self.title

    @property
    def language_list(self) -> list[str]:
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    REJECTED = "rejected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_applications"
    )
    motivation = models.TextField(_("why you"), max_length=2000, blank=True)
    status = models.CharField(
        max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED
    )
    terms_accepted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"], name="engagement_application_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} → {self.programme_id}"


class ProgrammeFeedback(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    worked = models.TextField(_("what worked"), max_length=4000, blank=True)
    problems = models.TextField(_("problems met"), max_length=4000, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # {question id: value}
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"], name="engagement_pfeedback_unique"
            )
        ]

    def __str__(self):
        return f"{self.rating}/5 · {self.programme_id}"
