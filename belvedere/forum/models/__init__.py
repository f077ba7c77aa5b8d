"""Forum data. Content (categories, topics, posts…) and what members keep about it
(notifications, watches, read positions, search documents)."""

from belvedere.forum.models.content import (
    HEX_COLOUR,
    REACTIONS,
    Audience,
    Category,
    ModerationState,
    Post,
    PostRevision,
    Reaction,
    Tag,
    Topic,
    Upload,
    Visibility,
)
from belvedere.forum.models.tracking import (
    EmailFrequency,
    ForumProfile,
    Notification,
    NotificationKind,
    PostSearch,
    TopicRead,
    Watch,
    WatchLevel,
)

__all__ = [
    "HEX_COLOUR",
    "REACTIONS",
    "Audience",
    "Category",
    "EmailFrequency",
    "ForumProfile",
    "ModerationState",
    "Notification",
    "NotificationKind",
    "Post",
    "PostRevision",
    "PostSearch",
    "Reaction",
    "Tag",
    "Topic",
    "TopicRead",
    "Upload",
    "Visibility",
    "Watch",
    "WatchLevel",
]
