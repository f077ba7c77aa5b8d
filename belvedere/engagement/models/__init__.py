"""Engagement data: people and identities, scoring, ambassadors, events, programmes."""

from belvedere.engagement.models.ambassadors import (
    Ambassador,
    AmbassadorStatus,
    LinkClick,
    Referral,
    ShareKit,
    Tier,
    TrackedLink,
)
from belvedere.engagement.models.events import (
    Event,
    EventFeedback,
    EventFormat,
    EventInvitation,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from belvedere.engagement.models.feedback import FeedbackQuestion, QuestionKind
from belvedere.engagement.models.people import (
    LEVEL_RANK,
    Identity,
    Level,
    MergeRecord,
    MergeSuggestion,
    Person,
    ScoringSettings,
    SuggestionReason,
    SuggestionStatus,
)
from belvedere.engagement.models.programmes import (
    Application,
    ApplicationStatus,
    Programme,
    ProgrammeFeedback,
    ProgrammeStatus,
)

__all__ = [
    "LEVEL_RANK",
    "Ambassador",
    "AmbassadorStatus",
    "Application",
    "ApplicationStatus",
    "Event",
    "EventFeedback",
    "EventFormat",
    "EventInvitation",
    "EventKind",
    "EventStatus",
    "FeedbackQuestion",
    "Identity",
    "Level",
    "LinkClick",
    "MergeRecord",
    "MergeSuggestion",
    "Person",
    "Programme",
    "ProgrammeFeedback",
    "ProgrammeStatus",
    "QuestionKind",
    "Referral",
    "Registration",
    "RegistrationStatus",
    "ScoringSettings",
    "ShareKit",
    "SuggestionReason",
    "SuggestionStatus",
    "Tier",
    "TrackedLink",
]
