"""Read tracking: how far each member has read each topic, and for how long.

Time read is measured between page views, as web analytics measure time on page: when a
member opens a topic page, the time since their previous reading page (if under
READ_GAP_SECONDS: they were reading, not away) is added to the topic they were on.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from belvedere.forum.models import Topic, TopicRead
from belvedere.forum.services.notifications import mark_post_notifications_read

READ_GAP_SECONDS = 300


def _count_time_read(user, now) -> None:
    """Credit the topic the member read last with the time until this page (capped)."""
    last = TopicRead.objects.filter(user=user).order_by("-updated_at").first()
    if last is None:
        return
    gap = (now - last.updated_at).total_seconds()
    if 0 < gap <= READ_GAP_SECONDS:
        TopicRead.objects.filter(pk=last.pk).update(
            read_seconds=F("read_seconds") + int(gap), updated_at=now
        )


def mark_topic_read(user, topic: Topic, *, number: int, at) -> bool:
    """Note that `user` has seen `topic` up to post `number` (written at `at`). Positions
    only move forward. Returns True when the position moved."""
    if not user.is_authenticated or number <= 0:
        return False
    now = timezone.now()
    _count_time_read(user, now)
    TopicRead.objects.filter(user=user, topic=topic).update(updated_at=now)
    moved = TopicRead.objects.filter(user=user, topic=topic).filter(
        Q(last_read_number__lt=number) | Q(last_read_at__lt=at)
    )
    changed = moved.update(last_read_number=number, last_read_at=at, updated_at=now) > 0
    if not changed:
        try:
            with transaction.atomic():
                TopicRead.objects.create(
                    user=user, topic=topic, last_read_number=number, last_read_at=at, updated_at=now
                )
            changed = True
        except IntegrityError:  # already there and already further
            return False
    mark_post_notifications_read(user, topic, number)
    return changed
