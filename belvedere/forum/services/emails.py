"""E-mails about notifications, in each member's language: one per notification for members
who chose "immediately", one daily digest for those who chose "daily"."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from belvedere.forum.models import EmailFrequency, ForumProfile, Notification
from belvedere.forum.queries_social import (
    describe_notification,
    email_frequency,
    notifications_of,
)
from belvedere.moderation.censor import censor_text

DIGEST_MIN_GAP = timedelta(hours=20)
DIGEST_MAX_ITEMS = 50


def _url(path: str) -> str:
    return settings.BASE_URL + path


def _item(notification: Notification) -> dict:
    return {
        "text": describe_notification(notification),
        "url": _url(reverse("forum:post", args=[notification.post_id])),
        "excerpt": censor_text(" ".join(notification.post.body.split())[:280]),
    }


def _send(user, template: str, context: dict) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {**context, "user": user, "settings_url": _url(reverse("forum:preferences"))}
        subject = render_to_string(f"forum/email/{template}_subject.txt", context)
        body = render_to_string(f"forum/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification now, if its recipient wants that and has not read it yet."""
    rows = Notification.objects.select_related("recipient", "actor", "topic", "post")
    notification = rows.filter(pk=notification_id).first()
    if notification is None or notification.read_at or notification.emailed_at:
        return False
    user = notification.recipient
    if not (user.is_active and user.email) or email_frequency(user) != EmailFrequency.IMMEDIATELY:
        return False
    if not notifications_of(user).filter(pk=notification.pk).exists():
        return False  # held, hidden or deleted since: nothing of it goes out
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True)
    if not claimed.update(emailed_at=timezone.now()):
        return False  # another worker took it
    try:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            item = _item(notification)
        _send(user, "notification", {"item": item})
    except Exception:
        Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
        raise
    return True


def _send_digest(profile: ForumProfile, now) -> int:
    user = profile.user
    pending = list(
        notifications_of(user)
        .filter(read_at__isnull=True, emailed_at__isnull=True)
        .select_related("actor", "topic", "post")[:DIGEST_MAX_ITEMS]
    )
    profile.last_digest_at = now
    profile.save(update_fields=["last_digest_at"])
    if not pending:
        return 0
    with translation.override(user.language or settings.LANGUAGE_CODE):
        items = [_item(n) for n in pending]
    _send(user, "digest", {"items": items, "count": len(items)})
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
    return len(items)


def send_daily_digests(now=None) -> int:
    """One digest per member on "daily" with unread, un-e-mailed notifications; returns the
    number of e-mails sent. Safe to run more than once a day (members wait 20 hours)."""
    now = now or timezone.now()
    profiles = (
        ForumProfile.objects.filter(email_frequency=EmailFrequency.DAILY, user__is_active=True)
        .exclude(last_digest_at__gt=now - DIGEST_MIN_GAP)
        .select_related("user")
    )
    return sum(1 for profile in profiles if _send_digest(profile, now))
