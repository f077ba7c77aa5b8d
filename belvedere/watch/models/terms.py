"""Terms tracking: services, their documents (Open Terms Archive declarations) and versions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.watch.filters import FilterError, plan

DOCUMENT_TYPES = [
    "Terms of Service",
    "Privacy Policy",
    "Community Guidelines",
    "Advertising Policy",
    "Promotions Policy",
    "Developer Terms",
    "Commercial Terms",
    "Trackers Policy",
    "Copyright Claims Policy",
    "Law Enforcement Guidelines",
    "Live Policy",
    "Quality Guidelines",
    "Data Processor Agreement",
    "In-App Purchases Policy",
]


class Service(models.Model):
    """A network or platform whose rules the company follows (Reddit, TikTok…)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    subscribers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="watched_services",
        verbose_name=_("subscribers"),
        help_text=_("Told by email when one of its documents changes."),
    )
    apprise_urls = models.TextField(
        _("notification URLs"), blank=True, help_text=_("apprise URLs, one per line.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class TrackedDocument(models.Model):
    """One document of a service, declared as in Open Terms Archive."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="documents")
    doc_type = models.CharField(_("document type"), max_length=80)
    url = models.URLField(_("address"), max_length=2000)
    select = models.JSONField(_("keep (selectors)"), default=list, blank=True)
    remove = models.JSONField(_("remove (selectors)"), default=list, blank=True)
    filters = models.JSONField(default=list, blank=True)  # declarative filters (filters.py)
    combine = models.JSONField(default=list, blank=True)  # more pages: [{"fetch": url, …}]
    enabled = models.BooleanField(_("fetch on schedule"), default=True)
    interval_hours = models.PositiveIntegerField(_("fetch every (hours)"), default=24)
    next_fetch_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["service__name", "doc_type"]
        verbose_name = _("tracked document")
        verbose_name_plural = _("tracked documents")
        constraints = [
            models.UniqueConstraint(fields=["service", "doc_type"], name="watch_document_unique")
        ]

    def __str__(self):
        return f"{self.service.name} · {self.doc_type}"

    def filters_not_run(self) -> list[str]:
        """Names of its filters (and its pages') that Belvedere has no equivalent for."""
        names = []
        for filters in [self.filters, *(page.get("filter") for page in self.combine or [])]:
            try:
                names += plan(filters).not_run
            except FilterError:
                names.append(str(filters)[:100])
        return sorted(set(names))

    def declaration(self) -> dict:
        """This document in the Open Terms Archive declaration format."""
        out: dict = {"fetch": self.url} if not self.combine else {"combine": self.combine}
        if self.select:
            out["select"] = self.select
        if self.remove:
            out["remove"] = self.remove
        if self.filters:
            out["filter"] = self.filters
        return out


class DocumentVersion(models.Model):
    """The meaningful text of a document when it changed (never two equal in a row)."""

    document = models.ForeignKey(TrackedDocument, on_delete=models.CASCADE, related_name="versions")
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    text_hash = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    added = models.PositiveIntegerField(default=0)  # paragraphs, against `previous`
    removed = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self):
        return f"{self.document} @ {self.recorded_at:%Y-%m-%d %H:%M}"

    @property
    def is_first(self) -> bool:
        return self.previous_id is None
