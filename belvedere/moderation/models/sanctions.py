"""Members' standing (trust level, silence, suspension), sanctions and appeals. ORM only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SILENCE = "silence", _("Silence (cannot post)")
    SUSPENSION = "suspension", _("Suspension (cannot log in)")
    BAN = "ban", _("Ban")


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    UPHELD = "upheld", _("Sanction upheld")
    OVERTURNED = "overturned", _("Sanction lifted")


class Standing(models.Model):
    """A member's trust level and current restrictions, kept by moderation's services."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="moderation_standing",
    )
    trust_level = models.PositiveSmallIntegerField(_("trust level"), default=0)
    trust_locked = models.BooleanField(
        _("trust level set by hand"),
        default=False,
        help_text=_("The periodic computation leaves a level set by hand alone."),
    )
    trust_computed_at = models.DateTimeField(null=True, blank=True)
    silenced_until = models.DateTimeField(null=True, blank=True)
    suspended_until = models.DateTimeField(null=True, blank=True)
    flags_agreed = models.PositiveIntegerField(default=0)
    flags_disagreed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("standing")
        verbose_name_plural = _("standings")

    def __str__(self):
        return f"TL{self.trust_level} · {self.member_id}"

    def is_silenced(self, now=None) -> bool:
        return self.silenced_until is not None and self.silenced_until > (now or timezone.now())

    def is_suspended(self, now=None) -> bool:
        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())


class Sanction(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_sanctions"
    )
    kind = models.CharField(_("sanction"), max_length=16, choices=SanctionKind.choices)
    reason = models.TextField(_("reason"), max_length=2000)
    clause = models.CharField(_("clause"), max_length=40, blank=True)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    item = models.ForeignKey(
        "moderation.QueueItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sanctions",
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.member_id}"

    @property
    def is_lifted(self) -> bool:
        return self.lifted_at is not None

    @property
    def is_active(self) -> bool:
        if self.is_lifted:
            return False
        return self.ends_at is None or self.ends_at > timezone.now()


class Appeal(models.Model):
    """A member's one appeal against one sanction, decided by another moderator."""

    sanction = models.OneToOneField(Sanction, on_delete=models.CASCADE, related_name="appeal")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_appeals"
    )
    text = models.TextField(_("your appeal"), max_length=4000)
    status = models.CharField(
        max_length=16, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self):
        return f"{self.sanction} · {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status == AppealStatus.PENDING
