"""Kernel models: the admins' allow-list for the guarded HTTP client."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from belvedere.net import parse_allowed_host


def normalize_allowed_host(value: str) -> str:
    """Canonical form of an allow-list entry (``Intranet.Example`` → ``intranet.example``,
    ``10.1.0.0/16``); ValidationError with the reason when it is neither a host nor a network."""
    try:
        return str(parse_allowed_host(value))
    except ValueError as exc:
        raise ValidationError(
            _("Enter a host name, an IP address or a network such as 10.0.0.0/8 (%(reason)s)."),
            code="invalid_host",
            params={"reason": exc},
        )


class AllowedHost(models.Model):
    """A host name or network the guarded client may reach even if its address is private."""

    host = models.CharField(
        _("host or network"),
        max_length=255,
        unique=True,
        help_text=_("A host name (intranet.example), an IP address or a CIDR block (10.0.0.0/8)."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why this host is allowed."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["host"]
        verbose_name = _("allowed host")
        verbose_name_plural = _("allowed hosts")

    def __str__(self) -> str:
        return self.host

    def save(self, *args, **kwargs) -> None:
        self.host = normalize_allowed_host(self.host)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            self.host = normalize_allowed_host(self.host)
        except ValidationError as exc:
            raise ValidationError({"host": exc})


@receiver([post_save, post_delete], sender=AllowedHost)
def _forget_cached_allow_list(**kwargs: object) -> None:
    from belvedere.core.http import forget_allowed_hosts

    forget_allowed_hosts()
