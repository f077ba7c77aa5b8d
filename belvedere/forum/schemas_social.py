"""API schemas of notifications, watching, search, read state, members and feeds."""

from datetime import date, datetime

from ninja import Field, Schema

from belvedere.forum.schemas import AuthorOut


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    actor: AuthorOut | None
    topic_id: int
    post_id: int
    reaction: str
    url: str
    created_at: datetime
    read_at: datetime | None


class NotificationList(Schema):
    count: int
    unread: int
    page: int
    pages: int
    items: list[NotificationOut]


class MarkedOut(Schema):
    marked: int


class PreferencesIO(Schema):
    email_frequency: str = Field(description="immediately, daily or never")


class WatchIO(Schema):
    level: str = Field(description="watching, tracking (normal) or muted")


class SearchHit(Schema):
    post_id: int
    topic_id: int
    topic_title: str
    number: int
    category: str
    author: AuthorOut | None
    created_at: datetime
    snippet_html: str
    url: str


class SearchList(Schema):
    count: int
    page: int
    pages: int
    items: list[SearchHit]


class SearchParams(Schema):
    q: str = Field("", max_length=200)
    category: str = Field("", max_length=80)
    author: str = Field("", max_length=40)
    after: date | None = None
    before: date | None = None
    page: int = Field(1, ge=1, le=10_000)


class ReadStateOut(Schema):
    topic_id: int
    last_read_number: int
    unread_count: int
    first_unread_number: int | None
    first_unread_url: str | None


class ReadIn(Schema):
    number: int = Field(ge=1, le=10_000_000)


class MemberOut(Schema):
    id: int
    display_name: str
    role: str
    bio: str
    avatar_url: str | None
    date_joined: datetime
    post_count: int
    topic_count: int
    reactions_received: int
    url: str


class MemberList(Schema):
    count: int
    page: int
    pages: int
    items: list[MemberOut]


class RecentPostOut(Schema):
    post_id: int
    topic_id: int
    topic_title: str
    number: int
    created_at: datetime
    url: str


class MemberDetail(MemberOut):
    recent: list[RecentPostOut]


class FeedLink(Schema):
    type: str
    title: str
    url: str
