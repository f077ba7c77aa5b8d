"""Creating and reading notifications. Called after commit, from the ledger (see ledger.py).

A member gets at most one notification per post, the most specific one: mention, then
quote/reply, then watched topic/category. Nobody is notified of their own post, of what they
may not read, or while they mute the topic (or its category). Deactivated members get nothing.
"""

import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from belvedere.forum.mentions import extract_mentions, link_mentions
from belvedere.forum.models import Notification, NotificationKind, Post, WatchLevel
from belvedere.forum.permissions import can_read_topic
from belvedere.forum.queries_social import members_named, watch_levels

Kind = NotificationKind
_QUOTE = re.compile(r"^ {0,3}>", re.M)


def link_post_mentions(post: Post) -> list:
    """Link the post's mentions of known members to their profiles; returns those members."""
    members = members_named(extract_mentions(post.body))

    def resolve(name):
        for candidate in (name.lower(), name.lower().replace("_", " ")):
            if candidate in members:
                user = members[candidate]
                return reverse("forum:member", args=[user.pk]), user.display_name
        return None

    linked = link_mentions(post.body_html, resolve)
    if linked != post.body_html:
        post.body_html = linked
        post.save(update_fields=["body_html"])
    return list({user.pk: user for user in members.values()}.values())


def _wanted(post: Post, mentioned, *, mentions_only: bool) -> dict[int, str]:
    wanted = {user.pk: Kind.MENTION for user in mentioned}
    if mentions_only:
        return wanted
    reply_to = post.reply_to
    if reply_to is not None and reply_to.author_id:
        kind = Kind.QUOTE if _QUOTE.search(post.body) else Kind.REPLY
        wanted.setdefault(reply_to.author_id, kind)
    levels = watch_levels(post.topic)
    kind = Kind.WATCHED_CATEGORY if post.number == 1 else Kind.WATCHED_TOPIC
    for user_id, level in levels.items():
        if level == WatchLevel.WATCHING:
            wanted.setdefault(user_id, kind)
    return {uid: k for uid, k in wanted.items() if levels.get(uid) != WatchLevel.MUTED}


def _create(post: Post, wanted: dict[int, str], *, actor, reaction: str = "") -> list[int]:
    wanted.pop(getattr(actor, "pk", None), None)
    if not wanted:
        return []
    topic = post.topic
    users = get_user_model().objects.filter(pk__in=wanted, is_active=True)
    readers = [user for user in users if can_read_topic(user, topic)]
    existing = set(
        Notification.objects.filter(
            post=post, actor=actor, reaction=reaction, recipient__in=readers
        ).values_list("recipient_id", "kind")
    )
    rows = [
        Notification(
            recipient=user, kind=wanted[user.pk], actor=actor, topic=topic, post=post,
            reaction=reaction,
        )
        for user in readers
        if (user.pk, wanted[user.pk]) not in existing
    ]  # fmt: skip
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    created = Notification.objects.filter(
        post=post, actor=actor, reaction=reaction, read_at__isnull=True, emailed_at__isnull=True
    ).filter(recipient__in=[row.recipient for row in rows])
    return list(created.values_list("pk", flat=True))


@transaction.atomic
def notify_post(post: Post, *, mentions_only: bool = False) -> list[int]:
    """Notify about a published post (a new topic when it is post #1); returns new ids."""
    post = Post.objects.select_related("topic__category__parent", "reply_to", "author").get(
        pk=post.pk
    )
    mentioned = link_post_mentions(post)
    if not (post.is_visible and post.topic.is_visible):
        return []
    wanted = _wanted(post, mentioned, mentions_only=mentions_only)
    return _create(post, wanted, actor=post.author)


@transaction.atomic
def notify_reaction(post: Post, *, actor, kind: str) -> list[int]:
    post = Post.objects.select_related("topic__category__parent").get(pk=post.pk)
    if not post.author_id or not post.is_visible:
        return []
    if watch_levels(post.topic).get(post.author_id) == WatchLevel.MUTED:
        return []
    return _create(post, {post.author_id: Kind.REACTION}, actor=actor, reaction=kind)


def mark_read(user, notification: Notification) -> bool:
    if notification.read_at is not None:
        return False
    notification.read_at = timezone.now()
    notification.save(update_fields=["read_at"])
    return True


def mark_all_read(user) -> int:
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    return rows.update(read_at=timezone.now())


def mark_post_notifications_read(user, topic, up_to_number: int) -> int:
    """Reading a topic reads the notifications about the posts seen."""
    rows = Notification.objects.filter(
        recipient=user, topic=topic, post__number__lte=up_to_number, read_at__isnull=True
    )
    return rows.update(read_at=timezone.now())
