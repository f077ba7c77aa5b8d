"""Reads about members' relation to the forum: mentions, watches, notifications, preferences."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.http import Http404

from belvedere.forum.mentions import candidates
from belvedere.forum.models import (
    EmailFrequency,
    ForumProfile,
    Notification,
    Topic,
    TopicRead,
    Watch,
    WatchLevel,
)
from belvedere.forum.permissions import is_staff
from belvedere.forum.queries import visible_topics_q
from belvedere.moderation.censor import censor_text

NOTIFICATIONS_PER_PAGE = 30


def members_named(names: list[str]) -> dict[str, object]:
    """Active members whose display name matches a mention handle, by lowercased name."""
    wanted = {c for name in names for c in candidates(name)}
    if not wanted:
        return {}
    users = (
        get_user_model()
        .objects.annotate(lname=Lower("display_name"))
        .filter(lname__in=wanted, is_active=True)
    )
    found = {user.display_name.lower(): user for user in users}
    return {c: found[c] for name in names for c in candidates(name) if c in found}


def watch_levels(topic: Topic) -> dict[int, str]:
    """Each member's effective level on `topic`: the topic's, else its category's, else the
    parent category's. Members absent from the result are at the normal level."""
    category = topic.category
    levels: dict[int, str] = {}
    if category.parent_id:
        levels.update(
            Watch.objects.filter(category_id=category.parent_id).values_list("user_id", "level")
        )
    levels.update(Watch.objects.filter(category=category).values_list("user_id", "level"))
    levels.update(Watch.objects.filter(topic=topic).values_list("user_id", "level"))
    return levels


def get_watch_level(user, *, topic=None, category=None) -> str:
    if not user.is_authenticated:
        return WatchLevel.TRACKING
    row = Watch.objects.filter(user=user, topic=topic, category=category).first()
    return row.level if row else WatchLevel.TRACKING


def email_frequency(user) -> str:
    profile = ForumProfile.objects.filter(user=user).first()
    return profile.email_frequency if profile else EmailFrequency.IMMEDIATELY


def notifications_of(user) -> QuerySet[Notification]:
    """The member's notifications about what they may still read: once a post or its topic
    is held, hidden or deleted, its notifications (and their titles) drop out of the list, the
    count and the emails. Staff, who read everything, keep them; so does the post's author."""
    rows = Notification.objects.filter(recipient=user)
    if is_staff(user):
        return rows
    visible = visible_topics_q("post__") & visible_topics_q("topic__")
    return rows.filter(visible | Q(post__author=user, topic__deleted_at__isnull=True))


def list_notifications(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    rows = notifications_of(user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.select_related("actor", "topic", "post").order_by("-created_at", "-id")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return notifications_of(user).filter(read_at__isnull=True).count()


def get_notification_for_user(user, notification_id: int) -> Notification:
    row = list_notifications(user).filter(pk=notification_id).first()
    if row is None:
        raise Http404("No such notification")
    return row


def describe_notification(notification: Notification) -> str:
    """One line saying what happened, in the active language (plain text, not escaped)."""
    from django.utils.translation import gettext as _

    from belvedere.forum.models import REACTIONS

    actor = notification.actor.display_name if notification.actor else _("someone")
    values = {"actor": actor, "topic": censor_text(notification.topic.title)}
    texts = {
        "mention": _("%(actor)s mentioned you in “%(topic)s”"),
        "reply": _("%(actor)s replied to you in “%(topic)s”"),
        "quote": _("%(actor)s quoted you in “%(topic)s”"),
        "reaction": _("%(actor)s reacted %(emoji)s to your post in “%(topic)s”"),
        "watched_topic": _("%(actor)s posted in “%(topic)s”"),
        "watched_category": _("%(actor)s started “%(topic)s”"),
    }
    values["emoji"] = REACTIONS.get(notification.reaction, "")
    return texts.get(notification.kind, texts["watched_topic"]) % values


def reading_figures(member_ids: list[int] | None = None) -> dict[int, dict]:
    """{member id: {"topics_read", "posts_read", "minutes_read"}} from read tracking, in one
    query: topics opened, posts seen (the sum of how far each topic was read) and time spent
    on topic pages. Registered with `core.member_figures` so moderation's trust levels can use
    it without naming the forum."""
    rows = TopicRead.objects.all()
    if member_ids is not None:
        rows = rows.filter(user_id__in=member_ids)
    totals = rows.values("user_id").annotate(
        topics_read=Count("id"), posts_read=Sum("last_read_number"), seconds=Sum("read_seconds")
    )
    return {
        row["user_id"]: {
            "topics_read": row["topics_read"],
            "posts_read": row["posts_read"] or 0,
            "minutes_read": (row["seconds"] or 0) // 60,
        }
        for row in totals
    }
