"""Helpers shared by the forum's write services: screening, tags, topic counters."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from belvedere.core.screening import Decision, combine, screen
from belvedere.forum.models import ModerationState, Post, Tag, Topic
from belvedere.forum.permissions import is_staff

MAX_TAGS = 5


class ContentRejected(Exception):
    """Screening refused the text; nothing was saved. `decision.message` tells the author why."""

    def __init__(self, decision: Decision):
        super().__init__(decision.message or _("This message cannot be published."))
        self.decision = decision

    @property
    def message(self) -> str:
        return str(self.args[0])


def screen_texts(author, texts: dict[str, str], context: dict | None = None) -> Decision:
    """Screen each (kind → text) and combine; raise ContentRejected when refused."""
    decisions = [
        screen(text, kind=kind, author=author, context=context)
        for kind, text in texts.items()
        if text
    ]
    decision = combine(decisions)
    if decision.is_rejected:
        raise ContentRejected(decision)
    return decision


def apply_decision(obj, decision: Decision) -> list[str]:
    """Copy a screening decision onto a topic or post; returns the fields changed."""
    obj.screening_action = decision.action
    obj.moderation_state = ModerationState.HELD if decision.is_held else ModerationState.PUBLISHED
    obj.moderation_reasons = list(decision.reasons)
    obj.moderation_clause = decision.clause or ""
    return ["screening_action", "moderation_state", "moderation_reasons", "moderation_clause"]


def normalise_tags(raw) -> list[str]:
    """Lowercase slugs from "a, b c" or a list; unique, at most MAX_TAGS."""
    words = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw or [])
    slugs = []
    for word in words:
        slug = slugify(str(word))[:40]
        if slug and slug not in slugs:
            slugs.append(slug)
    if len(slugs) > MAX_TAGS:
        raise ValidationError(
            _("At most %(n)d tags per topic.") % {"n": MAX_TAGS}, code="too_many_tags"
        )
    return slugs


def set_tags(topic: Topic, slugs: list[str]) -> None:
    existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=slugs)}
    missing = [Tag(name=slug, slug=slug) for slug in slugs if slug not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=slugs)}
    topic.tags.set([existing[slug] for slug in slugs if slug in existing])


def refresh_topic_stats(topic: Topic) -> None:
    """Recount the topic's visible posts and its latest activity."""
    visible = Post.objects.filter(
        topic=topic,
        deleted_at__isnull=True,
        hidden_at__isnull=True,
        moderation_state=ModerationState.PUBLISHED,
    )
    last = visible.order_by("-number").values("created_at", "author_id").first()
    topic.post_count = visible.count()
    if last:
        topic.last_post_at, topic.last_post_author_id = last["created_at"], last["author_id"]
    else:
        topic.last_post_at, topic.last_post_author_id = topic.created_at, topic.author_id
    topic.save(update_fields=["post_count", "last_post_at", "last_post_author"])


def acts_as_staff(actor, author_id) -> bool:
    """Staff acting on someone else's content: the ledger marks it for the audit log."""
    return is_staff(actor) and actor.pk != author_id
