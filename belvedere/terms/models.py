"""Versioned terms of use: documents, their versions, numbered clauses, members' acceptances.

One version carries both languages: each clause has an English and a French title and body
(`title_en`/`title_fr`, `body_en`/`body_fr`), so a clause number, its moderation `key` and an
acceptance refer to the same text whatever language the member reads it in.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CLAUSE_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3}){0,3}$")


def localized(obj, field: str) -> str:
    """`obj.<field>_fr` for French readers, else `<field>_en`; falls back to the other one."""
    first, second = ("fr", "en") if (get_language() or "").startswith("fr") else ("en", "fr")
    return getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}")


def clause_sort_key(number: str) -> str:
    """ "3.10" sorts after "3.2": each part zero-padded."""
    return ".".join(part.zfill(4) for part in number.split("."))


class Kind(models.TextChoices):
    TERMS = "terms", _("Terms of service")
    PRIVACY = "privacy", _("Privacy policy")
    RULES = "rules", _("Community rules")
    CUSTOM = "custom", _("Other document")


class Document(models.Model):
    slug = models.SlugField(_("address"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    requires_acceptance = models.BooleanField(_("members must accept it"), default=True)
    # The latest published version, and the oldest one whose acceptance still counts.
    current_version = models.ForeignKey(
        "Version", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    baseline_version = models.ForeignKey(
        "Version", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("terms document")
        verbose_name_plural = _("terms documents")

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title") or str(self.get_kind_display())


class Version(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    effective_date = models.DateField(_("effective date"), default=timezone.localdate)
    summary_en = models.TextField(_("summary of changes (English)"), blank=True)
    summary_fr = models.TextField(_("summary of changes (French)"), blank=True)
    requires_reacceptance = models.BooleanField(_("requires re-acceptance"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="terms_version_number"),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(published_at__isnull=True),
                name="terms_one_draft_per_document",
            ),
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def summary(self) -> str:
        return localized(self, "summary")


class Clause(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="clauses")
    number = models.CharField(_("number"), max_length=16)
    sort_key = models.CharField(max_length=40, editable=False)
    key = models.SlugField(
        _("topic key"),
        max_length=40,
        blank=True,
        help_text=_('What moderation cites it for, such as "harassment" or "spam".'),
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_fr = models.TextField(_("text (French)"), blank=True)

    class Meta:
        ordering = ["version", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="terms_clause_number"),
            models.UniqueConstraint(
                fields=["version", "key"], condition=~Q(key=""), name="terms_clause_key"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = clause_sort_key(self.number)
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def body(self) -> str:
        return localized(self, "body")

    @property
    def anchor(self) -> str:
        return f"clause-{self.number}"


class Acceptance(models.Model):
    """A member accepted one version of a document (kept while the member exists)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="terms_acceptances"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="acceptances")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(default=timezone.now)
    language = models.CharField(max_length=8, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="terms_accept_once"),
        ]
        indexes = [models.Index(fields=["user", "document"])]

    def __str__(self):
        return f"{self.user_id} → {self.version}"
