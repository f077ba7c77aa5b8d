"""Watch models: terms tracking, page watch, compliance, competitors, trends, digests."""

from belvedere.watch.models.competitors import ActivityKind, Competitor, CompetitorActivity
from belvedere.watch.models.compliance import (
    ComplianceItem,
    ComplianceLink,
    ComplianceReview,
    ComplianceStatus,
    PracticeCategory,
    ReviewOutcome,
)
from belvedere.watch.models.pages import PageSnapshot, PageWatch
from belvedere.watch.models.terms import DOCUMENT_TYPES, DocumentVersion, Service, TrackedDocument
from belvedere.watch.models.trends import (
    Digest,
    Platform,
    PlatformStatus,
    Trend,
    TrendKind,
    WatchSettings,
)

__all__ = [
    "DOCUMENT_TYPES",
    "ActivityKind",
    "Competitor",
    "CompetitorActivity",
    "ComplianceItem",
    "ComplianceLink",
    "ComplianceReview",
    "ComplianceStatus",
    "Digest",
    "DocumentVersion",
    "PageSnapshot",
    "PageWatch",
    "Platform",
    "PlatformStatus",
    "PracticeCategory",
    "ReviewOutcome",
    "Service",
    "TrackedDocument",
    "Trend",
    "TrendKind",
    "WatchSettings",
]
