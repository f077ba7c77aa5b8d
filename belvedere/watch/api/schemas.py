"""Schemas of /api/v1/watch (explicit fields)."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

Category = Literal["contest", "advertising", "data", "moderation", "content", "api", "other"]
Outcome = Literal["compliant", "changed", "not_compliant"]
PlatformStatusName = Literal["to_evaluate", "evaluating", "adopted", "rejected"]


class ServiceOut(Schema):
    id: int
    name: str
    document_count: int = 0


class DeclarationIn(Schema):
    name: str
    terms: dict[str, Any]


class ImportOut(Schema):
    service: ServiceOut
    created: int
    updated: int


class DocumentOut(Schema):
    id: int
    service_id: int
    service: str = Field(..., alias="service.name")
    doc_type: str
    url: str
    select: list[Any]
    remove: list[Any]
    filters: list[Any]
    enabled: bool
    interval_hours: int
    version_count: int = 0
    last_change: datetime | None = None
    last_fetched_at: datetime | None
    last_error: str


class DocumentIn(Schema):
    service_id: int
    doc_type: str = Field(..., min_length=1, max_length=80)
    url: str = Field(..., max_length=2000)
    select: list[Any] = Field(default_factory=list)
    remove: list[Any] = Field(default_factory=list)
    filters: list[Any] = Field(default_factory=list)
    enabled: bool = True
    interval_hours: int = Field(24, ge=1, le=720)


class VersionOut(Schema):
    id: int
    document_id: int
    previous_id: int | None
    recorded_at: datetime
    added: int
    removed: int
    changed: int


class VersionTextOut(VersionOut):
    text: str
    text_hash: str


class DiffRowOut(Schema):
    kind: str
    text: str
    parts: list[tuple[str, str]]
    count: int


class DiffOut(Schema):
    added: int
    removed: int
    changed: int
    rows: list[DiffRowOut]


class FetchOut(Schema):
    ok: bool
    changed: bool
    error: str


class PageWatchOut(Schema):
    id: int
    name: str
    url: str
    selector: str
    ignore_patterns: str
    trigger_text: str
    enabled: bool
    interval_minutes: int
    last_checked_at: datetime | None
    last_changed_at: datetime | None
    last_error: str
    snapshot_count: int = 0


class PageWatchIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    url: str = Field(..., max_length=2000)
    selector: str = Field("", max_length=300)
    ignore_patterns: str = Field("", max_length=10000)
    trigger_text: str = Field("", max_length=200)
    enabled: bool = True
    interval_minutes: int = Field(60, ge=5, le=43200)
    emails: str = Field("", max_length=4000)
    apprise_urls: str = Field("", max_length=8000)


class PageWatchPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    url: str | None = Field(None, max_length=2000)
    selector: str | None = Field(None, max_length=300)
    ignore_patterns: str | None = Field(None, max_length=10000)
    trigger_text: str | None = Field(None, max_length=200)
    enabled: bool | None = None
    interval_minutes: int | None = Field(None, ge=5, le=43200)


class SnapshotOut(Schema):
    id: int
    watch_id: int
    previous_id: int | None
    recorded_at: datetime
    triggered: bool
    added: int
    removed: int
    changed: int


class LinkOut(Schema):
    document_id: int
    clause: str
    anchor: str


class ItemOut(Schema):
    id: int
    title: str
    service_id: int | None
    category: str
    description: str
    owner_id: int | None
    status: str
    flagged_at: datetime | None
    flagged_version_id: int | None
    last_reviewed_at: datetime | None
    links: list[LinkOut]

    @staticmethod
    def resolve_links(item):
        return list(item.links.all())


class LinkIn(Schema):
    document_id: int
    clause: str = Field("", max_length=500)
    anchor: str = Field("", max_length=200)


class ItemIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    service_id: int | None = None
    category: Category
    description: str = Field("", max_length=10000)
    owner_id: int | None = None
    links: list[LinkIn] = Field(default_factory=list, max_length=50)


class ReviewIn(Schema):
    outcome: Outcome
    note: str = Field("", max_length=5000)


class ReviewOut(Schema):
    id: int
    item_id: int
    reviewer_name: str
    reviewed_at: datetime
    outcome: str
    note: str
    version_id: int | None


class AssignIn(Schema):
    owner_id: int | None


class CompetitorOut(Schema):
    id: int
    name: str
    is_company: bool
    brands: str
    site_url: str
    forum_url: str
    social_accounts: list[str]
    feed_urls: list[str]
    query_ids: list[int]
    community_ids: list[int]
    notes: str

    @staticmethod
    def resolve_social_accounts(competitor):
        return competitor.account_list()

    @staticmethod
    def resolve_feed_urls(competitor):
        return competitor.feed_list()

    @staticmethod
    def resolve_query_ids(competitor):
        return [query.pk for query in competitor.queries.all()]

    @staticmethod
    def resolve_community_ids(competitor):
        return [community.pk for community in competitor.communities.all()]


class CompetitorIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    is_company: bool = False
    brands: str = Field("", max_length=500)
    site_url: str = Field("", max_length=500)
    forum_url: str = Field("", max_length=500)
    social_accounts: list[str] = Field(default_factory=list, max_length=50)
    feed_urls: list[str] = Field(default_factory=list, max_length=20)
    query_ids: list[int] = Field(default_factory=list, max_length=50)
    community_ids: list[int] = Field(default_factory=list, max_length=50)
    notes: str = Field("", max_length=10000)


class WeekOut(Schema):
    week: date
    posts: int
    events: int
    engagement: int


class ComparisonOut(Schema):
    id: int
    name: str
    is_company: bool
    mentions: int
    share: float
    positive: float
    negative: float
    reputation: float | None
    posts: int
    posts_per_week: float
    events: int
    engagement: int
    weekly: list[WeekOut]


class ActivityOut(Schema):
    id: int
    competitor_id: int
    kind: str
    title: str
    url: str
    published_at: datetime
    engagement: int


class TrendOut(Schema):
    id: int
    week: date
    kind: str
    key: str
    count: int
    baseline: float
    deviation: float
    score: float
    is_new: bool
    mentions_url: str = ""
    inbox_url: str = ""


class MentionBriefOut(Schema):
    id: int
    platform: str
    url: str
    title: str
    text: str
    published_at: datetime


class PlatformOut(Schema):
    id: int
    name: str
    url: str
    status: str
    notes: str
    owner_id: int | None


class PlatformIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    url: str = Field("", max_length=500)
    status: PlatformStatusName = "to_evaluate"
    notes: str = Field("", max_length=10000)


class DigestOut(Schema):
    id: int
    week: date
    created_at: datetime
    sent_at: datetime | None
    content: dict = Field(default_factory=dict)
