"""Writes on posts: reply, edit (with history), delete/restore, hide, approve.

Acting on the first post acts on its topic too: deleting, hiding or approving post #1 deletes,
hides or approves the topic.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from belvedere.activity.services import record
from belvedere.core.markdown import render_markdown
from belvedere.forum.models import ModerationState, Post, PostRevision, Topic
from belvedere.forum.services.common import (
    acts_as_staff,
    apply_decision,
    normalise_tags,
    refresh_topic_stats,
    screen_texts,
    set_tags,
)
from belvedere.terms.services import require_acceptance


@transaction.atomic
def create_reply(
    topic: Topic, *, author, body: str, reply_to: Post | None = None, context: dict | None = None
) -> Post:
    """Add a post to `topic`. Raises ContentRejected (nothing saved) if screened out,
    TermsNotAccepted (a PermissionDenied) if the author owes an acceptance of the terms."""
    require_acceptance(author)
    decision = screen_texts(author, {"forum.post": body}, {**(context or {}), "topic": topic.pk})
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    if reply_to is not None and reply_to.topic_id != topic.pk:
        reply_to = None
    topic.last_number += 1
    topic.save(update_fields=["last_number"])
    post = Post(topic=topic, number=topic.last_number, author=author, body=body, reply_to=reply_to)
    post.body_html = render_markdown(body)
    apply_decision(post, decision)
    post.save()
    if not post.is_held:
        refresh_topic_stats(topic)
    record(author, "forum.post.create", post, topic=topic.pk, screening=decision.action)
    return post


@transaction.atomic
def edit_post(
    post: Post, *, actor, body: str, title: str | None = None, tags=None, reason: str = ""
) -> Post:
    """Change a post's text (and, on the first post, its topic's title and tags), keeping the
    previous text as a revision. Edits are screened again."""
    topic = post.topic
    new_title = " ".join(title.split()) if title is not None else topic.title
    title_changed = post.is_first and new_title != topic.title
    slugs = normalise_tags(tags) if tags is not None and post.is_first else None
    texts = {"forum.post": body, "forum.title": new_title if title_changed else ""}
    decision = screen_texts(post.author or actor, texts, {"topic": topic.pk, "edit": True})
    if body == post.body and not title_changed and slugs is None:
        return post
    PostRevision.objects.create(
        post=post,
        number=post.edit_count + 1,
        body=post.body,
        title=topic.title if title_changed else "",
        editor=actor,
        reason=reason,
    )
    post.body, post.body_html = body, render_markdown(body)
    post.edited_at, post.edit_count = timezone.now(), post.edit_count + 1
    fields = ["body", "body_html", "edited_at", "edit_count"]
    if not acts_as_staff(actor, post.author_id):
        fields += apply_decision(post, decision)
    post.save(update_fields=fields)
    if title_changed:
        topic.title, topic.slug = new_title, slugify(new_title, allow_unicode=True)[:200]
        topic.save(update_fields=["title", "slug"])
    if slugs is not None:
        set_tags(topic, slugs)
    refresh_topic_stats(topic)
    staff = acts_as_staff(actor, post.author_id)
    record(actor, "forum.post.edit", post, reason=reason, staff=staff, revision=post.edit_count)
    return post


def _set_state(post: Post, fields: dict, *, actor, verb: str, reason: str) -> None:
    for name, value in fields.items():
        setattr(post, name, value)
    post.save(update_fields=list(fields))
    topic = post.topic
    if post.is_first:
        for name, value in fields.items():
            setattr(topic, name, value)
        topic.save(update_fields=list(fields))
    refresh_topic_stats(topic)
    staff = acts_as_staff(actor, post.author_id) or verb in (
        "forum.post.hide",
        "forum.post.approve",
    )
    record(actor, verb, post, reason=reason, staff=staff, topic=topic.pk)


@transaction.atomic
def delete_post(post: Post, *, actor, reason: str = "") -> bool:
    """Soft delete: the row stays, the stream shows a placeholder; staff can restore it."""
    if post.is_deleted:
        return False
    fields = {"deleted_at": timezone.now(), "deleted_by": actor}
    _set_state(post, fields, actor=actor, verb="forum.post.delete", reason=reason)
    return True


@transaction.atomic
def hide_post(post: Post, *, actor, reason: str) -> bool:
    """Hide by moderation (the author and readers see a placeholder with the reason)."""
    if post.is_hidden:
        return False
    fields = {"hidden_at": timezone.now(), "hidden_by": actor, "hidden_reason": reason[:500]}
    _set_state(post, fields, actor=actor, verb="forum.post.hide", reason=reason)
    return True


@transaction.atomic
def restore_post(post: Post, *, actor, reason: str = "") -> bool:
    """Undo a deletion or a hiding."""
    if not (post.is_deleted or post.is_hidden):
        return False
    fields = {
        "deleted_at": None,
        "deleted_by": None,
        "hidden_at": None,
        "hidden_by": None,
        "hidden_reason": "",
    }
    _set_state(post, fields, actor=actor, verb="forum.post.restore", reason=reason)
    return True


@transaction.atomic
def approve_post(post: Post, *, actor, reason: str = "") -> bool:
    """A held post (and, for the first post, its topic) is published."""
    if not post.is_held:
        return False
    fields = {"moderation_state": ModerationState.PUBLISHED}
    _set_state(post, fields, actor=actor, verb="forum.post.approve", reason=reason)
    return True
