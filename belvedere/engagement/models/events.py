"""Events, registrations with a waiting list, invitations and feedback. ORM only."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    ONLINE = "online", _("Online")
    PHYSICAL = "physical", _("In person")


class EventFormat(models.TextChoices):
    MEETUP = "meetup", _("Meetup")
    AMA = "ama", _("Ask me anything / live Q&A")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Event(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    format = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.MEETUP
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.PUBLISHED
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Paris")
    video_url = models.URLField(_("video link"), max_length=2000, blank=True)
    topic = models.ForeignKey(
        "forum.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("forum thread"),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    invitation_only = models.BooleanField(_("invitation only"), default=False)
    sequence = models.PositiveIntegerField(default=0)  # RFC 5545 SEQUENCE, bumped on edits
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=16, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(default=timezone.now)  # place in the waiting list
    checkin_code = models.CharField(max_length=12, unique=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="engagement_registration_unique")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user_id} @ {self.event_id} ({self.status})"


class EventInvitation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="engagement_invitation_unique")
        ]

    def __str__(self):
        return f"{self.user_id} invited to {self.event_id}"


class EventFeedback(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # {question id: value}
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="engagement_feedback_unique")
        ]

    def __str__(self):
        return f"{self.rating}/5 · {self.event_id}"
