"""Listening models: mentions and their triage, alerts, the census of external communities."""

from belvedere.listening.models.alerts import Alert, AlertEvent, AlertKind, AlertPeriod
from belvedere.listening.models.census import (
    CensusScoring,
    Community,
    CommunityKind,
    DismissedSuggestion,
)
from belvedere.listening.models.mentions import (
    Mention,
    MentionMatch,
    MentionNote,
    Query,
    QueryKind,
    Sentiment,
    Source,
    Status,
    Tag,
)

__all__ = [
    "Alert",
    "AlertEvent",
    "AlertKind",
    "AlertPeriod",
    "CensusScoring",
    "Community",
    "CommunityKind",
    "DismissedSuggestion",
    "Mention",
    "MentionMatch",
    "MentionNote",
    "Query",
    "QueryKind",
    "Sentiment",
    "Source",
    "Status",
    "Tag",
]
