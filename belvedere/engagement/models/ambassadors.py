"""Ambassadors, their share kits, tracked links, clicks and the sign-ups they bring. ORM only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AmbassadorStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")
    RETIRED = "retired", _("Retired")


class Tier(models.TextChoices):
    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")


class Ambassador(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ambassador"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AmbassadorStatus.choices, default="invited"
    )
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices, default=Tier.BRONZE)
    token = models.CharField(max_length=64, unique=True)
    message = models.TextField(_("invitation message"), blank=True, max_length=2000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at", "pk"]
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")

    def __str__(self):
        return str(self.user)


class ShareKit(models.Model):
    """A message and a link for ambassadors to relay."""

    title = models.CharField(_("title"), max_length=120)
    message = models.TextField(_("message"), max_length=1000)
    target_url = models.URLField(_("link"), max_length=2000)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class TrackedLink(models.Model):
    """`/go/<code>`: one per ambassador and kit."""

    code = models.CharField(max_length=16, unique=True)
    kit = models.ForeignKey(ShareKit, on_delete=models.CASCADE, related_name="links")
    ambassador = models.ForeignKey(Ambassador, on_delete=models.CASCADE, related_name="links")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kit", "ambassador"], name="engagement_link_unique")
        ]

    def __str__(self):
        return self.code


class LinkClick(models.Model):
    """A click; `visitor` is a hash salted per day (no IP kept), to count unique visitors."""

    link = models.ForeignKey(TrackedLink, on_delete=models.CASCADE, related_name="clicks")
    day = models.DateField()
    visitor = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["link", "day"])]

    def __str__(self):
        return f"{self.link_id} · {self.day}"


class Referral(models.Model):
    """A member who signed up after following a tracked link."""

    link = models.ForeignKey(TrackedLink, on_delete=models.CASCADE, related_name="referrals")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user_id} ← {self.link_id}"
