"""API schemas of the terms, with explicit fields."""

from datetime import date, datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str
    code: str | None = None
    url: str | None = None


class ClauseOut(Schema):
    number: str
    key: str
    title: str
    body: str
    body_html: str
    url: str


class VersionBrief(Schema):
    id: int
    number: int
    effective_date: date
    published_at: datetime | None
    summary: str
    requires_reacceptance: bool
    url: str


class DocumentOut(Schema):
    slug: str
    kind: str
    title: str
    requires_acceptance: bool
    current_version: VersionBrief | None


class VersionOut(VersionBrief):
    document: str
    title: str
    clauses: list[ClauseOut]


class PendingOut(Schema):
    document: str
    title: str
    version_id: int
    number: int
    summary: str
    url: str
    diff_url: str | None


class AcceptIn(Schema):
    versions: list[int] = Field(..., min_length=1, max_length=20)


class AcceptOut(Schema):
    accepted: int
    pending: list[PendingOut]


class PublishIn(Schema):
    requires_reacceptance: bool = False
    reason: str = Field("", max_length=500)
