from datetime import datetime

from ninja import Field, Schema


class MemberOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    language: str
    time_zone: str
    bio: str
    date_joined: datetime


class MemberPatch(Schema):
    display_name: str | None = Field(None, min_length=2, max_length=40)
    bio: str | None = Field(None, max_length=2000)
    language: str | None = None
    time_zone: str | None = None


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=80)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    token: str
