"""Incidents: opened by monitors or by staff, followed by updates, closed by a post-mortem."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IncidentStatus(models.TextChoices):
    INVESTIGATING = "investigating", _("Investigating")
    IDENTIFIED = "identified", _("Identified")
    MONITORING = "monitoring", _("Monitoring")
    RESOLVED = "resolved", _("Resolved")


class IncidentImpact(models.TextChoices):
    NONE = "none", _("None")
    MINOR = "minor", _("Minor")
    MAJOR = "major", _("Major")
    CRITICAL = "critical", _("Critical")


class Incident(models.Model):
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=IncidentStatus.choices, default="investigating"
    )
    impact = models.CharField(
        _("impact"), max_length=10, choices=IncidentImpact.choices, default="major"
    )
    monitor = models.ForeignKey(
        "uptime.Monitor", null=True, blank=True, on_delete=models.SET_NULL, related_name="incidents"
    )
    components = models.ManyToManyField(
        "uptime.Component", verbose_name=_("components"), blank=True, related_name="incidents"
    )
    is_public = models.BooleanField(_("shown on the status page"), default=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    monitoring_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    postmortem = models.TextField(_("post-mortem (Markdown)"), blank=True)
    postmortem_at = models.DateTimeField(null=True, blank=True)
    tracker = models.ForeignKey(
        "uptime.Tracker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tracker_issue_id = models.CharField(max_length=100, blank=True)
    tracker_issue_url = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        indexes = [models.Index(fields=["resolved_at", "started_at"])]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def duration(self):
        return (self.resolved_at or timezone.now()) - self.started_at


class IncidentUpdate(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=16, choices=IncidentStatus.choices)
    body = models.TextField(_("message"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.incident_id} {self.status}"
