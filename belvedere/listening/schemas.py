from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

QueryKindName = Literal["brand", "competitor", "topic"]
StatusName = Literal["new", "in_progress", "done"]


class SourceOut(Schema):
    id: int
    kind: str
    name: str
    config: dict
    interval_minutes: int
    enabled: bool
    health: str
    next_run_at: datetime | None
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str
    consecutive_failures: int
    items_last_run: int
    items_fetched: int
    mentions_created: int


class SourceCreated(SourceOut):
    hook_url: str = Field("", description="Webhook sources only; shown once.")


class SourceIn(Schema):
    kind: str = Field(..., max_length=20)
    name: str = Field(..., min_length=1, max_length=120)
    config: dict = Field(default_factory=dict)
    interval_minutes: int = Field(30, ge=5, le=10080)
    enabled: bool = True


class SourcePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    config: dict | None = None
    interval_minutes: int | None = Field(None, ge=5, le=10080)
    enabled: bool | None = None


class RunOut(Schema):
    ok: bool
    fetched: int
    created: int
    not_modified: bool
    error: str


class QueryOut(Schema):
    id: int
    name: str
    text: str
    kind: str
    languages: str
    active: bool


class QueryIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    text: str = Field(..., min_length=1, max_length=4000)
    kind: QueryKindName = "brand"
    languages: str = Field("", max_length=60)
    active: bool = True


class QueryPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=120)
    text: str | None = Field(None, min_length=1, max_length=4000)
    kind: QueryKindName | None = None
    languages: str | None = Field(None, max_length=60)
    active: bool | None = None


class QueryTestIn(Schema):
    text: str = Field(..., max_length=4000)
    languages: str = Field("", max_length=60)


class MentionBrief(Schema):
    id: int
    platform: str
    title: str
    text: str
    url: str


class QueryTestOut(Schema):
    count: int
    scanned: int
    examples: list[MentionBrief]


class MentionOut(Schema):
    id: int
    source_id: int | None
    platform: str
    external_id: str
    url: str
    canonical_url: str
    author_name: str
    author_handle: str
    author_url: str
    author_followers: int | None
    community: str
    title: str
    text: str
    language: str
    sentiment: str
    sentiment_score: float | None
    sentiment_backend: str
    toxicity: float | None
    published_at: datetime
    fetched_at: datetime
    reach: int
    reach_is_estimate: bool
    engagement: dict
    engagement_total: int
    status: str
    assignee_id: int | None
    tags: list[str]
    queries: list[int]

    @staticmethod
    def resolve_tags(obj):
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_queries(obj):
        return [query.pk for query in obj.queries.all()]


class MentionFilters(Schema):
    q: str = Field("", max_length=200)
    query: int | None = None
    sentiment: Literal["positive", "neutral", "negative"] | None = None
    language: str = Field("", max_length=12)
    platform: str = Field("", max_length=20)
    status: StatusName | None = None
    since: date | None = None
    until: date | None = None
    tag: str = Field("", max_length=40)
    source: int | None = None


class MentionPatch(Schema):
    status: StatusName | None = None
    assignee_id: int | None = Field(None, description="0 to unassign")
    tags: list[str] | None = Field(None, max_length=20)
    note: str | None = Field(None, max_length=5000)
