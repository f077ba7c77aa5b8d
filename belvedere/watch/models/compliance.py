"""The compliance register: the company's practices and the clauses they depend on."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.watch.models.terms import DocumentVersion, Service, TrackedDocument


class PracticeCategory(models.TextChoices):
    CONTEST = "contest", _("Contests and giveaways")
    ADVERTISING = "advertising", _("Advertising and partnerships")
    DATA = "data", _("Data collection")
    MODERATION = "moderation", _("Moderation duties")
    CONTENT = "content", _("Content and copyright")
    API = "api", _("API and automation")
    OTHER = "other", _("Other")


class ComplianceStatus(models.TextChoices):
    OK = "ok", _("Up to date")
    REVIEW = "review", _("To review")


class ReviewOutcome(models.TextChoices):
    COMPLIANT = "compliant", _("Still compliant")
    CHANGED = "changed", _("Practice changed")
    NOT_COMPLIANT = "not_compliant", _("Not compliant: action needed")


class ComplianceItem(models.Model):
    title = models.CharField(_("practice"), max_length=200)
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="compliance_items",
        verbose_name=_("network"),
    )
    category = models.CharField(_("category"), max_length=20, choices=PracticeCategory)
    description = models.TextField(_("how we do it"), blank=True, max_length=10000)
    documents = models.ManyToManyField(
        TrackedDocument, through="ComplianceLink", blank=True, related_name="compliance_items"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ComplianceStatus, default=ComplianceStatus.OK
    )
    flagged_at = models.DateTimeField(_("flagged"), null=True, blank=True)
    flagged_version = models.ForeignKey(
        DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-status", "title", "id"]
        verbose_name = _("compliance item")
        verbose_name_plural = _("compliance items")

    def __str__(self):
        return self.title


class ComplianceLink(models.Model):
    """An item depends on a document, optionally on one clause of it."""

    item = models.ForeignKey(ComplianceItem, on_delete=models.CASCADE, related_name="links")
    document = models.ForeignKey(TrackedDocument, on_delete=models.CASCADE, related_name="+")
    clause = models.CharField(_("clause"), max_length=500, blank=True)
    anchor = models.CharField(_("anchor"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="watch_link_unique")
        ]

    def __str__(self):
        return f"{self.item_id} → {self.document_id}"


class ComplianceReview(models.Model):
    item = models.ForeignKey(ComplianceItem, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(max_length=120, blank=True)
    reviewed_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ReviewOutcome)
    note = models.TextField(_("note"), blank=True, max_length=5000)
    version = models.ForeignKey(
        DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_at", "-id"]

    def __str__(self):
        return f"{self.item_id}: {self.outcome}"
