"""Writes on watches (watching / normal / muted per topic or category) and e-mail preferences."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.forum.models import EmailFrequency, ForumProfile, Watch, WatchLevel


def _check(value: str, choices) -> None:
    if value not in choices.values:
        raise ValidationError(_("Unknown choice: %(v)s.") % {"v": value[:40]}, code="invalid")


@transaction.atomic
def set_watch_level(user, level: str, *, topic=None, category=None) -> bool:
    """Set `user`'s level on a topic or a category. Normal (tracking) removes the row.
    Returns True when something changed."""
    _check(level, WatchLevel)
    target = {"topic": topic} if topic is not None else {"category": category}
    rows = Watch.objects.filter(user=user, **target)
    if level == WatchLevel.TRACKING:
        changed = rows.delete()[0] > 0
    else:
        changed = rows.exclude(level=level).update(level=level) > 0
        if not changed and not rows.exists():
            Watch.objects.create(user=user, level=level, **target)
            changed = True
    if changed:
        record(user, "forum.watch.set", topic or category, level=level)
    return changed


def watch_own_topic(user, topic) -> bool:
    """Authors watch the topics they start (unless they already chose a level)."""
    try:
        with transaction.atomic():
            _obj, created = Watch.objects.get_or_create(
                user=user, topic=topic, defaults={"level": WatchLevel.WATCHING}
            )
    except IntegrityError:
        return False
    return created


def track_replied_topic(user, topic) -> bool:
    """Members who reply track the topic (replies and mentions reach them even in a muted
    category), unless they chose a level for it or watch its category already."""
    if Watch.objects.filter(user=user, topic=topic).exists():
        return False
    categories = [topic.category_id, topic.category.parent_id]
    watched = Watch.objects.filter(
        user=user, category_id__in=[c for c in categories if c], level=WatchLevel.WATCHING
    )
    if watched.exists():
        return False
    try:
        with transaction.atomic():
            _obj, created = Watch.objects.get_or_create(
                user=user, topic=topic, defaults={"level": WatchLevel.TRACKING}
            )
    except IntegrityError:
        return False
    return created


@transaction.atomic
def set_email_frequency(user, frequency: str) -> bool:
    _check(frequency, EmailFrequency)
    profile, _created = ForumProfile.objects.get_or_create(user=user)
    if profile.email_frequency == frequency:
        return False
    profile.email_frequency = frequency
    profile.save(update_fields=["email_frequency"])
    record(user, "forum.preferences.email", None, frequency=frequency)
    return True
