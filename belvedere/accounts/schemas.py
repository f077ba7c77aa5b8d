from datetime import datetime
from typing import Literal

from ninja import Field, Schema

RoleName = Literal["member", "moderator", "manager", "admin"]


class MemberOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    language: str
    time_zone: str
    bio: str
    pending_bio: str = Field("", description="A new bio waiting for a moderator's review")
    date_joined: datetime


class MemberPatch(Schema):
    display_name: str | None = Field(None, min_length=2, max_length=40)
    bio: str | None = Field(None, max_length=2000)
    language: str | None = None
    time_zone: str | None = None


class MemberAdminOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    is_active: bool
    email_verified: bool
    date_joined: datetime
    last_login: datetime | None


class MemberFilters(Schema):
    q: str = Field("", max_length=120, description="Search in email and display name")
    role: RoleName | None = None
    status: Literal["active", "inactive", "unverified"] | None = None


class MemberAdminPatch(Schema):
    role: RoleName | None = None
    is_active: bool | None = None
    reason: str = Field(..., min_length=3, max_length=500, description="Kept in the audit log")


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
