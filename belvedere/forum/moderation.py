"""The forum's content, registered with moderation (autodiscovered, as `admin.py` is).

Posts are the moderatable unit; a topic stands for its first post (its title is screened and
previewed with it), so ledger entries about a new topic reach the first post's queue item.
Every action calls the forum's own services, which keep counters and record the ledger.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from belvedere.forum.models import Post, Topic
from belvedere.forum.services import posts as post_services
from belvedere.forum.services.common import ContentRejected
from belvedere.moderation import registry
from belvedere.moderation.registry import ContentAdapter, ContentState


def _preview(post: Post) -> str:
    if post.is_first:
        return f"{post.topic.title}\n\n{post.body}"
    return post.body


def _state(post: Post) -> ContentState:
    return ContentState(
        held=post.is_held,
        flagged=post.screening_action == "flag",
        hidden=post.is_hidden,
        deleted=post.is_deleted,
        reasons=tuple(post.moderation_reasons or ()),
        clause=post.moderation_clause,
    )


def _reject(post: Post, *, actor, reason: str = "") -> bool:
    return post_services.delete_post(post, actor=actor, reason=reason)


def _edit(post: Post, *, actor, text: str, reason: str = ""):
    try:
        return post_services.edit_post(post, actor=actor, body=text, reason=reason)
    except ContentRejected as refusal:
        raise ValidationError(refusal.message, code="rejected")


def _first_post(topic: Topic) -> Post | None:
    return Post.objects.select_related("topic", "author").filter(topic=topic, number=1).first()


POST_ADAPTER = ContentAdapter(
    label=_("Forum post"),
    preview=_preview,
    author=lambda post: post.author,
    url=lambda post: reverse("forum:post", args=[post.pk]),
    state=_state,
    preview_html=lambda post: post.body_html,
    hide=post_services.hide_post,
    restore=post_services.restore_post,
    delete=post_services.delete_post,
    approve=post_services.approve_post,
    reject=_reject,
    edit=_edit,
    text=lambda post: post.body,
    kinds=("forum.post", "forum.title"),
    flood_kinds=("forum.post",),
    queue_verbs=frozenset({"forum.post.create", "forum.post.edit", "forum.topic.create"}),
    decision_verbs={
        "forum.post.approve": "approved",
        "forum.post.hide": "hidden",
        "forum.post.delete": "deleted",
    },
    select_related=("topic", "author"),
)

registry.register(Post, POST_ADAPTER)
registry.register(Topic, POST_ADAPTER, resolve=_first_post)
