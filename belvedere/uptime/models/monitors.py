"""Components shown on the status page, the monitors that watch them and what they found."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_INTERVAL = 20
MAX_TIMEOUT = 60


class ComponentGroup(models.Model):
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("component group")
        verbose_name_plural = _("component groups")

    def __str__(self):
        return self.name


class ComponentStatus(models.TextChoices):
    OPERATIONAL = "operational", _("Operational")
    DEGRADED = "degraded_performance", _("Degraded performance")
    PARTIAL = "partial_outage", _("Partial outage")
    MAJOR = "major_outage", _("Major outage")
    MAINTENANCE = "under_maintenance", _("Under maintenance")


class Component(models.Model):
    """A part of the platform as the public sees it; its status comes from its monitors."""

    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    group = models.ForeignKey(
        ComponentGroup,
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="components",
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    is_public = models.BooleanField(_("shown on the status page"), default=True)
    manual_status = models.CharField(
        _("status set by staff"),
        max_length=24,
        choices=ComponentStatus.choices,
        blank=True,
        help_text=_("Leave empty to follow the monitors."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self):
        return self.name


class MonitorKind(models.TextChoices):
    HTTP = "http", _("HTTP(S)")
    TCP = "tcp", _("TCP port")
    TLS = "tls", _("TLS certificate expiry")
    HEARTBEAT = "heartbeat", _("Heartbeat (push)")


class MonitorStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    UP = "up", _("Up")
    DOWN = "down", _("Down")


class KeywordMode(models.TextChoices):
    NONE = "", _("Not checked")
    PRESENT = "present", _("Must be present")
    ABSENT = "absent", _("Must be absent")


class Monitor(models.Model):
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=MonitorKind.choices)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitors",
    )
    url = models.CharField(_("URL"), max_length=2048, blank=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    port = models.PositiveIntegerField(
        _("port"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(65535)],
    )
    expected_statuses = models.CharField(
        _("expected status codes"), max_length=100, default="200-299", blank=True
    )
    keyword = models.CharField(_("keyword"), max_length=200, blank=True)
    keyword_mode = models.CharField(
        _("keyword check"), max_length=8, choices=KeywordMode.choices, blank=True
    )
    max_response_ms = models.PositiveIntegerField(
        _("maximum response time (ms)"), null=True, blank=True
    )
    warn_days = models.PositiveSmallIntegerField(_("warn days before expiry"), default=14)
    ping_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    grace_seconds = models.PositiveIntegerField(_("grace time (s)"), default=60)
    last_ping_at = models.DateTimeField(null=True, blank=True)
    interval_seconds = models.PositiveIntegerField(
        _("interval (s)"), default=60, validators=[MinValueValidator(MIN_INTERVAL)]
    )
    timeout_seconds = models.PositiveSmallIntegerField(
        _("timeout (s)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TIMEOUT)],
    )
    failures_before_down = models.PositiveSmallIntegerField(
        _("failures before down"), default=2, validators=[MinValueValidator(1)]
    )
    successes_before_up = models.PositiveSmallIntegerField(
        _("successes before up"), default=1, validators=[MinValueValidator(1)]
    )
    realert_minutes = models.PositiveIntegerField(
        _("re-alert every (minutes, 0 = never)"), default=60
    )
    notify_emails = models.TextField(_("alert emails"), blank=True)
    apprise_urls = models.TextField(_("alert apprise URLs"), blank=True)
    tracker = models.ForeignKey(
        "uptime.Tracker",
        verbose_name=_("open a tracker issue on incidents"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_paused = models.BooleanField(_("paused"), default=False)
    status = models.CharField(max_length=8, choices=MonitorStatus.choices, default="pending")
    consecutive_failures = models.PositiveIntegerField(default=0)
    consecutive_successes = models.PositiveIntegerField(default=0)
    next_check_at = models.DateTimeField(default=timezone.now)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_latency_ms = models.PositiveIntegerField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    last_alert_at = models.DateTimeField(null=True, blank=True)
    cert_expires_at = models.DateTimeField(null=True, blank=True)
    cert_warned_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("monitor")
        verbose_name_plural = _("monitors")
        indexes = [models.Index(fields=["is_paused", "next_check_at"])]

    def __str__(self):
        return self.name

    @property
    def target(self) -> str:
        if self.kind == MonitorKind.HTTP:
            return self.url
        if self.kind == MonitorKind.HEARTBEAT:
            return ""
        return f"{self.host}:{self.port}"

    def email_list(self) -> list[str]:
        return [
            line.strip()
            for line in self.notify_emails.replace(",", "\n").split("\n")
            if line.strip()
        ]

    def apprise_list(self) -> list[str]:
        return [line.strip() for line in self.apprise_urls.splitlines() if line.strip()]


class MaintenanceWindow(models.Model):
    """A time when alerts and incidents are suppressed: once, or every week."""

    class Recurrence(models.TextChoices):
        ONCE = "once", _("Once")
        WEEKLY = "weekly", _("Every week")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    recurrence = models.CharField(
        _("recurrence"), max_length=8, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    weekdays = models.CharField(
        _("weekdays (0 = Monday)"), max_length=20, blank=True, help_text=_("For example 5,6")
    )
    monitors = models.ManyToManyField(Monitor, verbose_name=_("monitors"), blank=True)
    components = models.ManyToManyField(Component, verbose_name=_("components"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("maintenance window")
        verbose_name_plural = _("maintenance windows")

    def __str__(self):
        return self.title


class CheckResult(models.Model):
    """One check, kept compactly for a few days, then only in rollups."""

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="results")
    checked_at = models.DateTimeField(default=timezone.now)
    ok = models.BooleanField()
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-checked_at", "-id"]
        indexes = [
            models.Index(fields=["monitor", "checked_at"]),
            models.Index(fields=["checked_at"]),
        ]

    def __str__(self):
        return (
            f"{self.monitor_id} {self.checked_at:%Y-%m-%d %H:%M:%S} {'ok' if self.ok else 'fail'}"
        )


class Rollup(models.Model):
    class Period(models.TextChoices):
        HOUR = "hour", _("Hour")
        DAY = "day", _("Day")

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="rollups")
    period = models.CharField(max_length=4, choices=Period.choices)
    start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    ok_count = models.PositiveIntegerField(default=0)
    avg_latency_ms = models.PositiveIntegerField(null=True, blank=True)
    p95_latency_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["monitor", "period", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitor", "period", "start"], name="uptime_rollup_unique"
            )
        ]
        indexes = [models.Index(fields=["period", "start"])]

    def __str__(self):
        return f"{self.monitor_id} {self.period} {self.start:%Y-%m-%d %H:%M}"


class Alert(models.Model):
    """A notification sent (or attempted) about a monitor."""

    class Kind(models.TextChoices):
        DOWN = "down", _("Down")
        UP = "up", _("Up")
        STILL_DOWN = "still_down", _("Still down")
        CERT = "cert", _("Certificate expiry")

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)
    delivered = models.BooleanField(default=False)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self):
        return f"{self.monitor_id} {self.kind} {self.sent_at:%Y-%m-%d %H:%M}"
