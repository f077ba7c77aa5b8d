"""Schemas of the moderation API (explicit fields)."""

from datetime import date, datetime

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


class MemberRef(Schema):
    id: int
    display_name: str


class FlagOut(Schema):
    reason: str
    text: str
    weight: float
    status: str
    created_at: datetime


class ItemOut(Schema):
    id: int
    content: str
    object_id: str
    content_label: str
    author: MemberRef | None
    preview: str
    url: str
    status: str
    held: bool
    first_post: bool
    auto_hidden: bool
    review_requested: bool
    reasons: list[str]
    clause: str
    score: float
    flag_count: int
    flags: list[FlagOut]
    claimed_by: MemberRef | None
    created_at: datetime
    resolved_at: datetime | None
    resolution: str


class ItemList(Schema):
    count: int
    page: int
    pages: int
    items: list[ItemOut]


class ClaimIn(Schema):
    release: bool = False


class ActIn(Schema):
    action: str
    reason: str = ""
    text: str = ""


class BulkIn(Schema):
    ids: list[int]
    action: str
    reason: str = ""


class BulkOut(Schema):
    done: int
    errors: list[str]


class FlagIn(Schema):
    content: str  # the registered model, e.g. "forum.post"
    object_id: str
    reason: str
    text: str = ""


class FlagCreated(Schema):
    id: int
    item: int
    weight: float


class WordIn(Schema):
    pattern: str
    action: str
    is_regex: bool = False
    replacement: str = ""
    clause_key: str = ""
    category: str = ""
    language: str = "any"


class WordPatch(Schema):
    pattern: str | None = None
    action: str | None = None
    is_regex: bool | None = None
    replacement: str | None = None
    clause_key: str | None = None
    category: str | None = None
    language: str | None = None


class WordOut(Schema):
    id: int
    pattern: str
    action: str
    is_regex: bool
    replacement: str
    clause_key: str
    category: str
    language: str
    updated_at: datetime


class ImportIn(Schema):
    csv: str


class ImportOut(Schema):
    created: int
    updated: int
    errors: list[str]


class SanctionIn(Schema):
    kind: str  # warning, silence, suspension, ban, or "next" for the ladder's next step
    reason: str
    days: int | None = None
    clause: str = ""


class SanctionOut(Schema):
    id: int
    member: int
    kind: str
    reason: str
    clause: str
    starts_at: datetime
    ends_at: datetime | None
    created_by: int | None
    lifted_at: datetime | None
    appeal_status: str | None


class ReasonIn(Schema):
    reason: str = ""


class AppealIn(Schema):
    text: str


class AppealOut(Schema):
    id: int
    sanction: int
    member: int
    text: str
    status: str
    created_at: datetime
    decided_by: int | None
    decided_at: datetime | None
    decision_note: str


class DecideIn(Schema):
    decision: str  # "uphold" or "overturn"
    note: str


class StandingOut(Schema):
    member: int
    trust_level: int
    trust_locked: bool
    silenced_until: datetime | None
    suspended_until: datetime | None
    flags_agreed: int
    flags_disagreed: int
    sanctions: list[SanctionOut]


class TrustIn(Schema):
    level: int
    locked: bool = True
    reason: str = ""


class SettingsOut(Schema):
    hold_threshold: float
    reject_threshold: float
    blocked_domains: str
    allowed_domains: str
    first_post_max_links: int
    min_seconds_between_posts: int
    duplicate_window_hours: int
    review_first_posts: bool
    flag_hide_score: float
    appeal_window_days: int
    ladder: list[dict]
    trust_limits: dict
    trust_thresholds: dict
    api_requests_per_minute: int


class SettingsPatch(Schema):
    hold_threshold: float | None = None
    reject_threshold: float | None = None
    blocked_domains: str | None = None
    allowed_domains: str | None = None
    first_post_max_links: int | None = None
    min_seconds_between_posts: int | None = None
    duplicate_window_hours: int | None = None
    review_first_posts: bool | None = None
    flag_hide_score: float | None = None
    appeal_window_days: int | None = None
    ladder: list[dict] | None = None
    trust_limits: dict | None = None
    trust_thresholds: dict | None = None
    api_requests_per_minute: int | None = None


class StatsOut(Schema):
    start: date
    end: date
    queue_size: int
    items_opened: int
    items_decided: int
    median_hours_to_decision: float | None
    held_decided: int
    held_approved: int
    false_positive_share: float | None
    actions_by_type: dict[str, int]
    actions_by_moderator: dict[str, int]
    flags_by_reason_key: dict[str, int]
