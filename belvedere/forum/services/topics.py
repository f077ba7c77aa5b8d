"""Writes on topics: start one, pin, lock, close, move."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from belvedere.activity.services import record
from belvedere.core.markdown import render_markdown
from belvedere.forum.models import Category, Post, Topic
from belvedere.forum.services.common import apply_decision, normalise_tags, screen_texts, set_tags
from belvedere.terms.services import require_acceptance

TOPIC_FLAGS = {
    "pin": ("is_pinned", True),
    "unpin": ("is_pinned", False),
    "lock": ("is_locked", True),
    "unlock": ("is_locked", False),
    "close": ("is_closed", True),
    "reopen": ("is_closed", False),
}


@transaction.atomic
def create_topic(
    *, category: Category, author, title: str, body: str, tags=(), context: dict | None = None
) -> Topic:
    """Start a topic with its first post. Raises ContentRejected (nothing saved) if screened out,
    TermsNotAccepted (a PermissionDenied) if the author owes an acceptance of the terms."""
    require_acceptance(author)
    title = " ".join(title.split())
    slugs = normalise_tags(tags)
    decision = screen_texts(
        author, {"forum.title": title, "forum.post": body}, {**(context or {}), "new_topic": True}
    )
    now = timezone.now()
    topic = Topic(
        category=category,
        title=title,
        slug=slugify(title, allow_unicode=True)[:200],
        author=author,
        created_at=now,
        last_post_at=now,
        last_number=1,
    )
    apply_decision(topic, decision)
    topic.save()
    post = Post(topic=topic, number=1, author=author, body=body, created_at=now)
    post.body_html = render_markdown(body)
    apply_decision(post, decision)
    post.save()
    set_tags(topic, slugs)
    if not topic.is_held:
        topic.post_count, topic.last_post_author = 1, author
        topic.save(update_fields=["post_count", "last_post_author"])
    record(author, "forum.topic.create", topic, category=category.slug, screening=decision.action)
    return topic


@transaction.atomic
def set_topic_flag(topic: Topic, action: str, *, actor, reason: str = "") -> bool:
    """Pin/unpin, lock/unlock, close/reopen. Returns False when nothing changed."""
    field, value = TOPIC_FLAGS[action]
    if getattr(topic, field) == value:
        return False
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    record(actor, f"forum.topic.{action}", topic, reason=reason, staff=True)
    return True


def pin_topic(topic, *, actor, reason=""):
    return set_topic_flag(topic, "pin", actor=actor, reason=reason)


def lock_topic(topic, *, actor, reason=""):
    return set_topic_flag(topic, "lock", actor=actor, reason=reason)


def close_topic(topic, *, actor, reason=""):
    return set_topic_flag(topic, "close", actor=actor, reason=reason)


@transaction.atomic
def move_topic(topic: Topic, category: Category, *, actor, reason: str = "") -> bool:
    if topic.category_id == category.pk:
        return False
    previous = topic.category.slug
    topic.category = category
    topic.save(update_fields=["category"])
    record(
        actor, "forum.topic.move", topic, reason=reason, staff=True, old=previous, new=category.slug
    )
    return True
