"""Forum API, part two: notifications, preferences, watching, search, read state, members
and feed links. Mounted by forum/api.py under /api/v1/forum."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.urls import reverse
from ninja import Query, Router
from ninja.errors import HttpError

from belvedere.accounts.auth import MemberSessionAuth, TokenAuth
from belvedere.forum import queries, queries_members, queries_social
from belvedere.forum.feeds import VISITOR, feed_links
from belvedere.forum.models import TopicRead
from belvedere.forum.permissions import can_read_category
from belvedere.forum.queries_members import MEMBERS_PER_PAGE
from belvedere.forum.schemas import ErrorOut
from belvedere.forum.schemas_social import (
    FeedLink,
    MarkedOut,
    MemberDetail,
    MemberList,
    NotificationList,
    NotificationOut,
    PreferencesIO,
    ReadIn,
    ReadStateOut,
    SearchList,
    SearchParams,
    WatchIO,
)
from belvedere.forum.search import RESULTS_PER_PAGE, attach_snippets, filters_from, search_posts
from belvedere.forum.services import notifications as notify
from belvedere.forum.services import watching
from belvedere.forum.services.reading import mark_topic_read
from belvedere.forum.services.searches import record_search
from belvedere.moderation.censor import censor_text

router = Router()
READ = [TokenAuth(), MemberSessionAuth(), lambda request: True]
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _author(user):
    return {"id": user.pk, "display_name": user.display_name} if user else None


def _page(rows, size: int, number: int):
    page = Paginator(rows, size).get_page(number)
    meta = {"count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages}
    return page, meta


def _notification(row) -> dict:
    return {
        **{f: getattr(row, f) for f in ("id", "kind", "topic_id", "post_id", "reaction")},
        **{f: getattr(row, f) for f in ("created_at", "read_at")},
        "text": queries_social.describe_notification(row),
        "actor": _author(row.actor),
        "url": reverse("forum:post", args=[row.post_id]),
    }


@router.get("/notifications", response=NotificationList, summary="My notifications")
def list_notifications(request, page: int = 1, unread: bool = False):
    rows = queries_social.list_notifications(request.user, unread_only=unread)
    current, meta = _page(rows, queries_social.NOTIFICATIONS_PER_PAGE, page)
    items = [_notification(row) for row in current]
    return {**meta, "unread": queries_social.unread_count(request.user), "items": items}


@router.post(
    "/notifications/read-all", response=MarkedOut, summary="Mark all my notifications read"
)
def read_all(request):
    return {"marked": notify.mark_all_read(request.user)}


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, 404: ErrorOut},
    summary="Mark one notification read",
)
def read_one(request, notification_id: int):
    row = queries_social.get_notification_for_user(request.user, notification_id)
    notify.mark_read(request.user, row)
    return _notification(row)


@router.get("/preferences", response=PreferencesIO, summary="My e-mail preference")
def get_preferences(request):
    return {"email_frequency": queries_social.email_frequency(request.user)}


@router.put("/preferences", response={200: PreferencesIO, **ERRORS}, summary="Set it")
def set_preferences(request, payload: PreferencesIO):
    try:
        watching.set_email_frequency(request.user, payload.email_frequency)
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages))
    return {"email_frequency": payload.email_frequency}


def _set_watch(request, level: str, **target) -> dict:
    try:
        watching.set_watch_level(request.user, level, **target)
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages))
    return {"level": queries_social.get_watch_level(request.user, **target)}


@router.get("/watch/topics/{topic_id}", response={200: WatchIO, **ERRORS}, summary="My level")
def get_topic_watch(request, topic_id: int):
    topic = queries.get_topic_for_user(request.user, topic_id)
    return {"level": queries_social.get_watch_level(request.user, topic=topic)}


@router.put("/watch/topics/{topic_id}", response={200: WatchIO, **ERRORS}, summary="Watch/mute")
def set_topic_watch(request, topic_id: int, payload: WatchIO):
    topic = queries.get_topic_for_user(request.user, topic_id)
    return _set_watch(request, payload.level, topic=topic)


@router.put(
    "/watch/categories/{slug}", response={200: WatchIO, **ERRORS}, summary="Watch/mute a category"
)
def set_category_watch(request, slug: str, payload: WatchIO):
    category = queries.get_category_for_user(request.user, slug)
    return _set_watch(request, payload.level, category=category)


@router.get("/search", response={200: SearchList, 422: ErrorOut}, auth=READ, summary="Search")
def search(request, params: Query[SearchParams]):
    if params.after and params.before and params.after > params.before:
        raise HttpError(422, "`before` comes before `after`.")
    filters = filters_from(request.user, params.dict())
    current, meta = _page(search_posts(request.user, filters), RESULTS_PER_PAGE, params.page)
    hits = list(current)
    attach_snippets(hits, filters.q)
    record_search(request.user, results=meta["count"], page=params.page)
    items = [
        {
            "post_id": p.pk, "topic_id": p.topic_id, "topic_title": censor_text(p.topic.title),
            "number": p.number, "category": p.topic.category.slug, "author": _author(p.author),
            "created_at": p.created_at, "snippet_html": p.snippet,
            "url": reverse("forum:post", args=[p.pk]),
        }
        for p in hits
    ]  # fmt: skip
    return {**meta, "items": items}


def _read_state(user, topic) -> dict:
    read = TopicRead.objects.filter(user=user, topic=topic).first()
    last = read.last_read_number if read else 0
    unread = queries.posts_visible_to(user, topic).filter(queries.VISIBLE, number__gt=last)
    first = queries.first_unread_number(user, topic)
    url = reverse("forum:topic_unread", args=[topic.pk]) if first else None
    return {
        "topic_id": topic.pk,
        "last_read_number": last,
        "unread_count": unread.count(),
        "first_unread_number": first,
        "first_unread_url": url,
    }


@router.get("/read/topics/{topic_id}", response={200: ReadStateOut, **ERRORS}, summary="Read")
def get_read_state(request, topic_id: int):
    topic = queries.get_topic_for_user(request.user, topic_id)
    return _read_state(request.user, topic)


@router.post(
    "/read/topics/{topic_id}", response={200: ReadStateOut, **ERRORS}, summary="Mark read up to"
)
def set_read_state(request, topic_id: int, payload: ReadIn):
    topic = queries.get_topic_for_user(request.user, topic_id)
    post = queries.posts_visible_to(request.user, topic).filter(number__lte=payload.number)
    post = post.order_by("-number").first()
    if post is None:
        raise HttpError(422, "No such post number in this topic.")
    mark_topic_read(request.user, topic, number=post.number, at=post.created_at)
    return _read_state(request.user, topic)


def _member(member, recent=None) -> dict:
    row = {
        **{f: getattr(member, f) for f in ("id", "display_name", "role", "date_joined")},
        "bio": censor_text(member.bio),
        **{f: getattr(member, f) for f in ("post_count", "topic_count", "reactions_received")},
        "avatar_url": member.avatar.url if member.avatar else None,
        "url": reverse("forum:member", args=[member.pk]),
    }
    if recent is not None:
        row["recent"] = [
            {
                "post_id": p.pk, "topic_id": p.topic_id, "topic_title": censor_text(p.topic.title),
                "number": p.number, "created_at": p.created_at,
                "url": reverse("forum:post", args=[p.pk]),
            }
            for p in recent
        ]  # fmt: skip
    return row


@router.get("/members", response={200: MemberList, 422: ErrorOut}, auth=READ, summary="Members")
def list_members(request, q: str = "", sort: str = "name", page: int = 1):
    if sort not in queries_members.SORTS or len(q) > 40:
        raise HttpError(422, f"sort is one of: {', '.join(queries_members.SORTS)}; q ≤ 40 chars.")
    members = queries_members.list_members(request.user, q=q, sort=sort)
    current, meta = _page(members, MEMBERS_PER_PAGE, page)
    return {**meta, "items": [_member(m) for m in current]}


@router.get(
    "/members/{member_id}", response={200: MemberDetail, 404: ErrorOut}, auth=READ, summary="Member"
)
def read_member(request, member_id: int):
    member = queries_members.get_member_for_viewer(request.user, member_id)
    return _member(member, queries_members.recent_posts(request.user, member))


@router.get("/feeds", response={200: list[FeedLink], 404: ErrorOut}, auth=READ, summary="Feeds")
def list_feeds(request, category: str = "", topic: int | None = None):
    """RSS and Atom links: the latest topics, a public category's, or a public topic's."""
    if topic is not None:
        found = queries.get_topic_for_user(VISITOR, topic)
        if not found.is_visible:
            raise HttpError(404, "Not found.")
        return feed_links(topic=found)
    if category:
        found = queries.get_category_for_user(VISITOR, category)
        return feed_links(category=found) if can_read_category(VISITOR, found) else []
    return feed_links()
