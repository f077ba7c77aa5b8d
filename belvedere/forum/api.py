"""Forum API under /api/v1/forum: the same queries, permissions and services as the pages."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.urls import reverse
from ninja import File, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from belvedere.accounts.auth import MemberSessionAuth, TokenAuth
from belvedere.core import ratelimit
from belvedere.forum import permissions, queries, ratelimits, services
from belvedere.forum.api_social import router as social_router
from belvedere.forum.models import REACTIONS
from belvedere.forum.schemas import (
    CategoryOut,
    ErrorOut,
    MoveIn,
    PostOut,
    PostPatch,
    ReactionIn,
    ReactionOut,
    ReasonIn,
    RejectedOut,
    ReplyIn,
    TopicDetail,
    TopicIn,
    TopicList,
    TopicOut,
    UploadOut,
)
from belvedere.moderation.censor import censor, censor_text

router = Router()
router.add_router("", social_router)  # notifications, watching, search, read state, members


def _anonymous(request):
    return True  # reading public categories needs no account


READ = [TokenAuth(), MemberSessionAuth(), _anonymous]
WRITE_ERRORS = {403: ErrorOut, 404: ErrorOut, 422: RejectedOut, 429: ErrorOut}
POST_ACTIONS = {
    "hide": services.hide_post,
    "restore": services.restore_post,
    "delete": services.delete_post,
    "approve": services.approve_post,
}


def _author(user):
    return {"id": user.pk, "display_name": user.display_name} if user else None


def topic_out(topic) -> dict:
    return {
        **{
            f: getattr(topic, f)
            for f in (
                "id",
                "title",
                "created_at",
                "last_post_at",
                "post_count",
                "is_pinned",
                "is_locked",
                "is_closed",
                "moderation_state",
            )
        },
        "title": censor_text(topic.title),
        "category": topic.category.slug,
        "author": _author(topic.author),
        "tags": [tag.slug for tag in topic.tags.all()],
        "url": reverse("forum:topic", args=[topic.pk]),
    }


def post_out(post, user) -> dict:
    readable = permissions.can_read_post_body(user, post)
    # Censored words are masked for readers; the author and staff get the source to edit.
    source = post.author_id == getattr(user, "pk", None) or permissions.is_staff(user)
    body = post.body if source else censor_text(post.body)
    return {
        **{
            f: getattr(post, f)
            for f in (
                "id",
                "topic_id",
                "number",
                "reply_to_id",
                "created_at",
                "edited_at",
                "edit_count",
                "moderation_state",
            )
        },
        "author": _author(post.author),
        "body": body if readable else None,
        "body_html": censor(post.body_html) if readable else None,
        "is_deleted": post.is_deleted,
        "is_hidden": post.is_hidden,
        "reactions": [
            {k: r[k] for k in ("kind", "emoji", "count", "mine", "who")}
            for r in getattr(post, "reaction_rows", [])
        ],
    }


def _fresh_post(user, post) -> dict:
    post = queries.list_posts(user, post.topic).get(pk=post.pk)
    queries.summarize_reactions([post], user)
    return post_out(post, user)


def _forbid(allowed: bool, message: str = "You may not do this.") -> None:
    if not allowed:
        raise HttpError(403, message)


def _check_rate(request) -> None:
    ip = ratelimit.client_ip(request)
    if ratelimits.posting_is_limited(request.user, ip):
        raise HttpError(429, ratelimits.limited_message())
    ratelimits.count_post(request.user, ip)


def _rejected(refusal):
    decision = refusal.decision
    return Status(
        422, {"detail": refusal.message, "reasons": decision.reasons, "clause": decision.clause}
    )


@router.get("/categories", response=list[CategoryOut], auth=READ, summary="Readable categories")
def list_categories(request):
    rows = []
    for category in queries.list_categories(request.user):
        rows += [category, *category.subcategories]
    return rows


@router.get(
    "/categories/{slug}/topics",
    response={200: TopicList, 404: ErrorOut},
    auth=READ,
    summary="Topics of a category (pinned first)",
)
def list_topics(request, slug: str, page: int = 1, sort: str = "latest", tag: str = ""):
    category = queries.get_category_for_user(request.user, slug)
    tag_obj = queries.get_tag(tag) if tag else None
    topics = queries.list_topics(request.user, category=category, tag=tag_obj, sort=sort)
    current = Paginator(topics, queries.TOPICS_PER_PAGE).get_page(page)
    items = [topic_out(t) for t in current]
    return {
        "count": current.paginator.count,
        "page": current.number,
        "pages": current.paginator.num_pages,
        "items": items,
    }


@router.get(
    "/topics/{topic_id}",
    response={200: TopicDetail, 404: ErrorOut},
    auth=READ,
    summary="A topic with one page of its posts",
)
def read_topic(request, topic_id: int, page: int = 1):
    topic = queries.get_topic_for_user(request.user, topic_id)
    current = Paginator(queries.list_posts(request.user, topic), queries.POSTS_PER_PAGE).get_page(
        page
    )
    queries.summarize_reactions(current, request.user)
    for post in current:
        post.topic = topic
    return {
        "topic": topic_out(topic),
        "count": current.paginator.count,
        "page": current.number,
        "pages": current.paginator.num_pages,
        "posts": [post_out(p, request.user) for p in current],
    }


@router.post("/topics", response={201: TopicOut, **WRITE_ERRORS}, summary="Start a topic")
def create_topic(request, payload: TopicIn):
    category = queries.get_category_for_user(request.user, payload.category)
    _forbid(permissions.can_start_topic(request.user, category))
    _check_rate(request)
    try:
        topic = services.create_topic(
            category=category,
            author=request.user,
            title=payload.title,
            body=payload.body,
            tags=payload.tags,
        )
    except services.ContentRejected as refusal:
        return _rejected(refusal)
    return Status(201, topic_out(queries.get_topic_for_user(request.user, topic.pk)))


@router.post("/topics/{topic_id}/posts", response={201: PostOut, **WRITE_ERRORS}, summary="Reply")
def reply(request, topic_id: int, payload: ReplyIn):
    topic = queries.get_topic_for_user(request.user, topic_id)
    _forbid(permissions.can_reply(request.user, topic), "You cannot reply to this topic.")
    _check_rate(request)
    reply_to = queries.get_reply_target(topic, payload.reply_to)
    try:
        post = services.create_reply(
            topic, author=request.user, body=payload.body, reply_to=reply_to
        )
    except services.ContentRejected as refusal:
        return _rejected(refusal)
    return Status(201, _fresh_post(request.user, post))


@router.patch("/posts/{post_id}", response={200: PostOut, **WRITE_ERRORS}, summary="Edit a post")
def edit_post(request, post_id: int, payload: PostPatch):
    post = queries.get_post_for_user(request.user, post_id)
    _forbid(permissions.can_edit_post(request.user, post))
    try:
        services.edit_post(
            post,
            actor=request.user,
            body=payload.body,
            title=payload.title,
            tags=payload.tags,
            reason=payload.reason,
        )
    except services.ContentRejected as refusal:
        return _rejected(refusal)
    return Status(200, _fresh_post(request.user, post))


def _react(request, post_id: int, kind: str, on: bool):
    post = queries.get_post_for_user(request.user, post_id)
    if kind not in REACTIONS:
        raise HttpError(422, f"Unknown reaction; use one of: {', '.join(REACTIONS)}.")
    _forbid(permissions.can_react(request.user, post, kind), "You cannot react to this post.")
    change = services.add_reaction if on else services.remove_reaction
    change(post, user=request.user, kind=kind)
    return Status(200, _fresh_post(request.user, post)["reactions"])


@router.post(
    "/posts/{post_id}/reactions",
    response={200: list[ReactionOut], **WRITE_ERRORS},
    summary="Add a reaction",
)
def add_reaction(request, post_id: int, payload: ReactionIn):
    return _react(request, post_id, payload.kind, True)


@router.delete(
    "/posts/{post_id}/reactions/{kind}",
    response={200: list[ReactionOut], **WRITE_ERRORS},
    summary="Remove a reaction",
)
def remove_reaction(request, post_id: int, kind: str):
    return _react(request, post_id, kind, False)


@router.post(
    "/topics/{topic_id}/move",
    response={200: TopicOut, **WRITE_ERRORS},
    summary="Staff: move a topic to another category",
)
def move_topic(request, topic_id: int, payload: MoveIn):
    topic = queries.get_topic_for_user(request.user, topic_id)
    _forbid(permissions.can_moderate(request.user, topic))
    category = queries.get_category_for_user(request.user, payload.category)
    services.move_topic(topic, category, actor=request.user, reason=payload.reason)
    return Status(200, topic_out(topic))


@router.post(
    "/topics/{topic_id}/{action}",
    response={200: TopicOut, **WRITE_ERRORS},
    summary="Staff: pin, unpin, lock, unlock, close, reopen",
)
def topic_action(request, topic_id: int, action: str, payload: ReasonIn):
    topic = queries.get_topic_for_user(request.user, topic_id)
    _forbid(permissions.can_moderate(request.user, topic))
    if action not in services.TOPIC_FLAGS:
        raise HttpError(404, "Unknown action.")
    services.set_topic_flag(topic, action, actor=request.user, reason=payload.reason)
    return Status(200, topic_out(topic))


@router.post(
    "/posts/{post_id}/{action}",
    response={200: PostOut, **WRITE_ERRORS},
    summary="Hide, restore, delete (own post or staff) or approve a post",
)
def post_action(request, post_id: int, action: str, payload: ReasonIn):
    post = queries.get_post_for_user(request.user, post_id)
    if action not in POST_ACTIONS:
        raise HttpError(404, "Unknown action.")
    allowed = permissions.can_delete_post if action == "delete" else permissions.can_moderate
    _forbid(allowed(request.user, post))
    if action == "hide" and not payload.reason.strip():
        raise HttpError(422, "Say why the post is hidden: its author will see it.")
    POST_ACTIONS[action](post, actor=request.user, reason=payload.reason)
    return Status(200, _fresh_post(request.user, post))


@router.post("/uploads", response={201: UploadOut, 422: ErrorOut}, summary="Upload an image")
def upload_image(request, file: File[UploadedFile]):
    try:
        upload = services.save_upload(file, owner=request.user)
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages))
    return Status(
        201,
        {
            "url": upload.file.url,
            "markdown": services.image_markdown(upload),
            "width": upload.width,
            "height": upload.height,
        },
    )
