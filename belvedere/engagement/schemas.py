"""API schemas of engagement: explicit fields."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class IdentityOut(Schema):
    id: int
    platform: str
    handle: str
    display_name: str
    profile_url: str
    email: str


class PersonOut(Schema):
    id: int
    display_name: str
    user_id: int | None
    level: str
    score: float
    reach: int
    positive_mentions: int
    negative_mentions: int
    identities: list[IdentityOut]


class MomentOut(Schema):
    when: datetime
    kind: str
    label: str
    detail: str
    url: str
    sentiment: str


class PersonDetailOut(PersonOut):
    merged_into_id: int | None
    timeline: list[MomentOut]


class SuggestionOut(Schema):
    id: int
    person_id: int
    other_id: int
    reason: str
    detail: str
    confidence: float
    status: str


class MergeOut(Schema):
    id: int
    kept_id: int
    absorbed_id: int
    identity_ids: list[int]
    moved_user_id: int | None
    merged_at: datetime
    undone_at: datetime | None


class ScoringIO(Schema):
    weight_topic: float = Field(ge=0)
    weight_post: float = Field(ge=0)
    weight_reaction: float = Field(ge=0)
    weight_mention: float = Field(ge=0)
    weight_positive_mention: float = Field(ge=0)
    weight_event: float = Field(ge=0)
    weight_programme: float = Field(ge=0)
    half_life_days: float = Field(gt=0, le=3650)
    participant_at: float = Field(ge=0)
    contributor_at: float = Field(ge=0)
    champion_at: float = Field(ge=0)


class AmbassadorOut(Schema):
    id: int
    user_id: int
    display_name: str = Field(alias="user.display_name")
    status: str
    tier: str
    clicks: int = 0
    visitors: int = 0
    signups: int = 0


class CandidateOut(Schema):
    person_id: int = Field(alias="pk")
    user_id: int
    display_name: str
    level: str
    score: float
    reach: int
    candidate_score: float


class InviteIn(Schema):
    user_id: int
    tier: str = "bronze"
    message: str = Field("", max_length=2000)


class AnswerIn(Schema):
    accept: bool


class TierIn(Schema):
    tier: str


class RetireIn(Schema):
    reason: str = Field("", max_length=500)


class KitIn(Schema):
    title: str = Field(..., max_length=120)
    message: str = Field(..., max_length=1000)
    target_url: str = Field(..., max_length=2000)


class KitOut(Schema):
    id: int
    title: str
    message: str
    target_url: str
    active: bool
    click_count: int = 0
    signup_count: int = 0


class ImpactOut(Schema):
    kit: str
    code: str
    url: str
    clicks: int
    visitors: int
    signups: int


class EventIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=5000)
    kind: str
    format: str = "meetup"
    status: str = "published"
    starts_at: datetime
    ends_at: datetime
    time_zone: str = "Europe/Paris"
    video_url: str = Field("", max_length=2000)
    venue: str = Field("", max_length=200)
    address: str = Field("", max_length=500)
    capacity: int | None = Field(None, ge=1)
    invitation_only: bool = False


class EventOut(Schema):
    id: int
    uid: UUID
    title: str
    description: str
    kind: str
    format: str
    status: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    video_url: str
    venue: str
    address: str
    capacity: int | None
    invitation_only: bool
    topic_id: int | None


class RegistrationOut(Schema):
    id: int
    event_id: int
    user_id: int
    status: str
    checkin_code: str
    checked_in_at: datetime | None
    waitlist_position: int | None = None


class CheckInIn(Schema):
    code: str = Field(min_length=1, max_length=12)


class EventInviteIn(Schema):
    emails: list[str] = Field([], max_length=1000)
    leaders: str = Field("", description="ambassadors, champions or contributors")


class ProgrammeIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=5000)
    terms: str = Field(min_length=1, max_length=10000)
    seats: int = Field(10, ge=1)
    min_level: str = "observer"
    languages: str = Field("", max_length=60)
    min_posts: int = Field(0, ge=0)


class ProgrammeOut(Schema):
    id: int
    title: str
    description: str
    terms: str
    status: str
    seats: int
    min_level: str
    languages: str
    min_posts: int
    category_id: int | None
    call_sent_at: datetime | None


class ApplyIn(Schema):
    motivation: str = Field("", max_length=2000)
    accept_terms: bool


class ApplicationOut(Schema):
    id: int
    programme_id: int
    user_id: int
    status: str
    terms_accepted_at: datetime | None


class DecisionIn(Schema):
    select: bool


class QuestionIn(Schema):
    label: str = Field(..., max_length=300)
    kind: str = "text"
    choices: str = Field("", max_length=2000)
    required: bool = False
    position: int = Field(0, ge=0, le=32767)


class QuestionOut(Schema):
    id: int
    label: str
    kind: str
    choices: list[str] = Field(..., alias="choice_list")
    required: bool
    position: int


class EventFeedbackIn(Schema):
    rating: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=2000)
    answers: dict[str, str | int | bool | None] = {}


class ProgrammeFeedbackIn(Schema):
    rating: int = Field(..., ge=1, le=5)
    worked: str = Field("", max_length=4000)
    problems: str = Field("", max_length=4000)
    answers: dict[str, str | int | bool | None] = {}


class FeedbackOut(Schema):
    rating: int
    answers: dict
