"""Moderation data: policy (watched words, settings), the queue and flags, standing, sanctions
and appeals."""

from belvedere.moderation.models.queue import (
    Flag,
    FlagReason,
    FlagStatus,
    ItemStatus,
    ModeratorNote,
    QueueItem,
    Resolution,
    Submission,
)
from belvedere.moderation.models.rules import (
    ModerationSettings,
    WatchedWord,
    WordAction,
    WordCategory,
    WordLanguage,
)
from belvedere.moderation.models.sanctions import (
    Appeal,
    AppealStatus,
    Sanction,
    SanctionKind,
    Standing,
)

__all__ = [
    "Appeal",
    "AppealStatus",
    "Flag",
    "FlagReason",
    "FlagStatus",
    "ItemStatus",
    "ModerationSettings",
    "ModeratorNote",
    "QueueItem",
    "Resolution",
    "Sanction",
    "SanctionKind",
    "Standing",
    "Submission",
    "WatchedWord",
    "WordAction",
    "WordCategory",
    "WordLanguage",
]
