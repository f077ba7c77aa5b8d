"""API schemas of alerts, dashboards and the census."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

AlertKindName = Literal["volume_spike", "negative_surge", "keyword", "influential_author"]
CommunityKindName = Literal[
    "subreddit",
    "mastodon_instance",
    "hashtag",
    "forum",
    "group",
    "discord",
    "facebook_group",
    "blog",
    "other",
]


class AlertOut(Schema):
    id: int
    name: str
    kind: str
    query_id: int | None
    period: str
    baseline_periods: int
    sigma: float
    min_count: int
    negative_rise: float
    expression: str
    reach_threshold: int
    emails: list[str] = Field(..., alias="email_list")
    apprise_url_count: int
    cooldown_minutes: int
    enabled: bool
    last_fired_at: datetime | None
    last_checked_at: datetime | None

    @staticmethod
    def resolve_apprise_url_count(obj):
        return len(obj.apprise_list)


class AlertIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    kind: AlertKindName
    query_id: int | None = None
    period: Literal["hour", "day"] = "hour"
    baseline_periods: int = Field(24, ge=2, le=168)
    sigma: float = Field(3.0, ge=0, le=20)
    min_count: int = Field(10, ge=0, le=1_000_000)
    negative_rise: float = Field(20.0, gt=0, le=100)
    expression: str = Field("", max_length=4000)
    reach_threshold: int = Field(10_000, ge=0)
    emails: list[str] = Field(default_factory=list, max_length=20)
    apprise_urls: list[str] = Field(
        default_factory=list, max_length=20, description="Write-only: never returned."
    )
    cooldown_minutes: int = Field(360, ge=0, le=43200)
    enabled: bool = True


class AlertPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    query_id: int | None = None
    period: Literal["hour", "day"] | None = None
    baseline_periods: int | None = Field(None, ge=2, le=168)
    sigma: float | None = Field(None, ge=0, le=20)
    min_count: int | None = Field(None, ge=0, le=1_000_000)
    negative_rise: float | None = Field(None, gt=0, le=100)
    expression: str | None = Field(None, max_length=4000)
    reach_threshold: int | None = Field(None, ge=0)
    emails: list[str] | None = Field(None, max_length=20)
    apprise_urls: list[str] | None = Field(None, max_length=20)
    cooldown_minutes: int | None = Field(None, ge=0, le=43200)
    enabled: bool | None = None


class AlertEventOut(Schema):
    id: int
    alert_id: int
    fired_at: datetime
    summary: str
    figures: dict
    delivered: bool
    delivery_errors: str


class DashboardFilters(Schema):
    since: date | None = None
    until: date | None = None
    query: int | None = None


class CommunityOut(Schema):
    id: int
    name: str
    kind: str
    url: str
    match_platform: str
    match_key: str
    size: int | None
    size_source: str
    size_date: date | None
    relevance: int
    owner_id: int | None
    notes: str
    mentions: int = 0
    per_week: float = 0
    sentiment_balance: float | None = None
    impact: float = 0
    size_is_estimate: bool = False


class CommunityIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    kind: CommunityKindName
    url: str = Field("", max_length=500)
    match_platform: str = Field("", max_length=20)
    match_key: str = Field("", max_length=200)
    size: int | None = Field(None, ge=0)
    size_source: str = Field("", max_length=200)
    size_date: date | None = None
    relevance: int = Field(3, ge=1, le=5)
    owner_id: int | None = None
    notes: str = Field("", max_length=5000)


class CommunityPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    kind: CommunityKindName | None = None
    url: str | None = Field(None, max_length=500)
    match_platform: str | None = Field(None, max_length=20)
    match_key: str | None = Field(None, max_length=200)
    size: int | None = Field(None, ge=0)
    size_source: str | None = Field(None, max_length=200)
    size_date: date | None = None
    relevance: int | None = Field(None, ge=1, le=5)
    owner_id: int | None = None
    notes: str | None = Field(None, max_length=5000)


class SuggestionOut(Schema):
    platform: str
    key: str
    kind: str
    mentions: int
    authors: int


class SuggestionIn(Schema):
    platform: str = Field(..., max_length=20)
    key: str = Field(..., min_length=1, max_length=200)


class CensusScoringOut(Schema):
    activity_days: int
    activity_weight: float
    sentiment_weight: float
    suggestion_days: int
    suggestion_minimum: int
    formula: str = (
        "relevance * log10(1 + size) * (1 + activity_weight * activity_share)"
        " * (1 + sentiment_weight * abs(sentiment_balance))"
    )


class CensusScoringPatch(Schema):
    activity_days: int | None = Field(None, ge=1, le=365)
    activity_weight: float | None = Field(None, ge=0, le=10)
    sentiment_weight: float | None = Field(None, ge=0, le=10)
    suggestion_days: int | None = Field(None, ge=1, le=730)
    suggestion_minimum: int | None = Field(None, ge=1, le=100000)
