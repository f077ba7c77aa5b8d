"""Archived reports (HTML kept; PDF rendered from it) and who receives them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    ON_DEMAND = "on_demand", _("On demand")


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))  # inclusive
    title = models.CharField(_("title"), max_length=200)
    html = models.TextField()
    figures = models.JSONField(default=dict)
    recommendations = models.JSONField(default=list)
    emailed_to = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return self.title


class ReportSubscription(models.Model):
    """A staff member who receives the weekly and/or monthly report by email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analytics_reports"
    )
    weekly = models.BooleanField(_("weekly report"), default=True)
    monthly = models.BooleanField(_("monthly report"), default=True)

    def __str__(self):
        return str(self.user)
