"""API schemas of the forum, with explicit fields."""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Schema
from pydantic import field_validator

from belvedere.forum.services import MAX_TAGS, normalise_tags


def _tags(value):
    try:
        return normalise_tags(value or [])
    except ValidationError:
        raise ValueError(f"at most {MAX_TAGS} tags")


class ErrorOut(Schema):
    detail: str


class RejectedOut(Schema):
    detail: str
    reasons: list[str]
    clause: str | None


class AuthorOut(Schema):
    id: int
    display_name: str


class CategoryOut(Schema):
    id: int
    parent_id: int | None
    name: str
    slug: str
    description: str
    colour: str
    position: int
    read_access: str
    topic_access: str
    reply_access: str
    topic_count: int = 0
    post_count: int = 0
    last_activity: datetime | None = None


class TopicOut(Schema):
    id: int
    category: str
    title: str
    author: AuthorOut | None
    created_at: datetime
    last_post_at: datetime
    post_count: int
    is_pinned: bool
    is_locked: bool
    is_closed: bool
    moderation_state: str
    tags: list[str]
    url: str


class TopicList(Schema):
    count: int
    page: int
    pages: int
    items: list[TopicOut]


class ReactionOut(Schema):
    kind: str
    emoji: str
    count: int
    mine: bool
    who: list[str]


class PostOut(Schema):
    id: int
    topic_id: int
    number: int
    author: AuthorOut | None
    reply_to_id: int | None
    body: str | None = Field(None, description="Markdown source; null when removed")
    body_html: str | None = Field(None, description="Sanitised HTML; null when removed")
    created_at: datetime
    edited_at: datetime | None
    edit_count: int
    moderation_state: str
    is_deleted: bool
    is_hidden: bool
    reactions: list[ReactionOut]


class TopicDetail(Schema):
    topic: TopicOut
    count: int
    page: int
    pages: int
    posts: list[PostOut]


class TopicIn(Schema):
    category: str = Field(..., description="slug of the category")
    title: str = Field(..., min_length=5, max_length=200)
    body: str = Field(..., min_length=2, max_length=20000)
    tags: list[str] = Field(default_factory=list)

    @field_validator("tags")
    @classmethod
    def check_tags(cls, value):
        return _tags(value)


class ReplyIn(Schema):
    body: str = Field(..., min_length=2, max_length=20000)
    reply_to: int | None = None


class PostPatch(Schema):
    body: str = Field(..., min_length=2, max_length=20000)
    title: str | None = Field(None, min_length=5, max_length=200)
    tags: list[str] | None = None
    reason: str = Field("", max_length=500)

    @field_validator("tags")
    @classmethod
    def check_tags(cls, value):
        return None if value is None else _tags(value)


class ReasonIn(Schema):
    reason: str = Field("", max_length=500)


class MoveIn(ReasonIn):
    category: str


class ReactionIn(Schema):
    kind: str


class UploadOut(Schema):
    url: str
    markdown: str
    width: int
    height: int
