"""Read tracking: how far each member has read each topic."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from belvedere.forum.models import Topic, TopicRead
from belvedere.forum.services.notifications import mark_post_notifications_read


def mark_topic_read(user, topic: Topic, *, number: int, at) -> bool:
    """Note that `user` has seen `topic` up to post `number` (written at `at`). Positions
    only move forward. Returns True when the position moved."""
    if not user.is_authenticated or number <= 0:
        return False
    now = timezone.now()
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
