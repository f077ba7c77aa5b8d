"""API schemas of the uptime app (explicit fields)."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

Kind = Literal["http", "tcp", "tls", "heartbeat"]


class MonitorIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    kind: Kind
    component_id: int | None = None
    url: str = Field("", max_length=2048)
    host: str = Field("", max_length=255)
    port: int | None = None
    expected_statuses: str = Field("200-299", max_length=100)
    keyword: str = Field("", max_length=200)
    keyword_mode: Literal["", "present", "absent"] = ""
    max_response_ms: int | None = Field(None, ge=1)
    warn_days: int = Field(14, ge=0, le=365)
    grace_seconds: int = Field(60, ge=0)
    interval_seconds: int = 60
    timeout_seconds: int = 10
    failures_before_down: int = Field(2, ge=1, le=100)
    successes_before_up: int = Field(1, ge=1, le=100)
    realert_minutes: int = Field(60, ge=0)
    notify_emails: str = Field("", max_length=2000)
    apprise_urls: str = Field("", max_length=4000)
    tracker_id: int | None = None


class MonitorPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=100)
    component_id: int | None = None
    url: str | None = Field(None, max_length=2048)
    host: str | None = Field(None, max_length=255)
    port: int | None = None
    expected_statuses: str | None = Field(None, max_length=100)
    keyword: str | None = Field(None, max_length=200)
    keyword_mode: Literal["", "present", "absent"] | None = None
    max_response_ms: int | None = None
    warn_days: int | None = None
    grace_seconds: int | None = None
    interval_seconds: int | None = None
    timeout_seconds: int | None = None
    failures_before_down: int | None = None
    successes_before_up: int | None = None
    realert_minutes: int | None = None
    notify_emails: str | None = Field(None, max_length=2000)
    apprise_urls: str | None = Field(None, max_length=4000)


class MonitorOut(Schema):
    id: int
    name: str
    kind: str
    component_id: int | None
    url: str
    host: str
    port: int | None
    expected_statuses: str
    keyword: str
    keyword_mode: str
    max_response_ms: int | None
    warn_days: int
    grace_seconds: int
    interval_seconds: int
    timeout_seconds: int
    failures_before_down: int
    successes_before_up: int
    realert_minutes: int
    is_paused: bool
    status: str
    last_checked_at: datetime | None
    last_latency_ms: int | None
    last_status_code: int | None
    last_error: str
    next_check_at: datetime
    cert_expires_at: datetime | None
    ping_token: UUID


class MonitorFilters(Schema):
    q: str = Field("", max_length=100)
    status: Literal["", "pending", "up", "down", "paused"] = ""
    kind: Literal["", "http", "tcp", "tls", "heartbeat"] = ""


class ResultOut(Schema):
    checked_at: datetime
    ok: bool
    latency_ms: int | None
    status_code: int | None
    error: str


class UpdateOut(Schema):
    id: int
    status: str
    body: str
    created_at: datetime


class IncidentOut(Schema):
    id: int
    title: str
    status: str
    impact: str
    is_public: bool
    monitor_id: int | None
    started_at: datetime
    resolved_at: datetime | None
    tracker_issue_url: str
    updates: list[UpdateOut]

    @staticmethod
    def resolve_updates(obj):
        return list(obj.updates.all())


class IncidentIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., min_length=1, max_length=5000)
    status: Literal["investigating", "identified", "monitoring", "resolved"] = "investigating"
    impact: Literal["none", "minor", "major", "critical"] = "minor"
    component_ids: list[int] = []
    is_public: bool = True


class UpdateIn(Schema):
    status: Literal["investigating", "identified", "monitoring", "resolved"]
    body: str = Field(..., min_length=1, max_length=5000)


class ReportIn(Schema):
    kind: Literal["problem", "suggestion"] = "problem"
    title: str = Field(..., min_length=1, max_length=200)
    description: str = Field(..., min_length=1, max_length=5000)
    page_url: str = Field("", max_length=2048)
    occurred_at: datetime | None = None


class ReportOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    page_url: str
    user_agent: str
    occurred_at: datetime
    status: str
    severity: str
    component_id: int | None
    duplicate_of_id: int | None
    vote_count: int
    tracker_issue_id: str
    tracker_issue_url: str
    created_at: datetime
    resolved_at: datetime | None


class ReportFilters(Schema):
    kind: Literal["", "problem", "suggestion"] = ""
    status: str = Field("", max_length=20)
    q: str = Field("", max_length=100)
    order: Literal["", "votes"] = ""


class TriageIn(Schema):
    status: Literal["new", "triaged", "handed_off", "resolved", "declined", "duplicate"] | None = (
        None
    )
    severity: Literal["low", "normal", "high", "critical"] | None = None
    component_id: int | None = None
    duplicate_of_id: int | None = None
    staff_note: str | None = Field(None, max_length=5000)


class HandOffIn(Schema):
    tracker_id: int


TrackerKind = Literal["github", "gitlab", "jira", "webhook", "email"]


class TrackerIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    kind: TrackerKind
    base_url: str = Field("", max_length=500)
    project: str = Field("", max_length=200)
    username: str = Field("", max_length=200)
    token: str = Field("", max_length=500)
    email_to: str = Field("", max_length=500)
    is_active: bool = True


class TrackerPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=100)
    kind: TrackerKind | None = None
    base_url: str | None = Field(None, max_length=500)
    project: str | None = Field(None, max_length=200)
    username: str | None = Field(None, max_length=200)
    token: str | None = Field(None, max_length=500)
    clear_token: bool = False
    email_to: str | None = Field(None, max_length=500)
    is_active: bool | None = None


class TrackerOut(Schema):
    """A tracker's settings; its token is never sent back, only whether one is stored."""

    id: int
    name: str
    kind: str
    base_url: str
    project: str
    username: str
    email_to: str
    is_active: bool
    has_token: bool


class TrackerSecretOut(TrackerOut):
    """Returned once, when a tracker is made or its webhook secret renewed."""

    webhook_secret: str
    webhook_url: str


class TrackerCheckOut(Schema):
    ok: bool
    detail: str
