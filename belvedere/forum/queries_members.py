"""Reads of the members directory and public profiles.

Counts only cover what the viewer may read (visible posts in readable categories), so a
profile never reveals activity in a hidden category. Deactivated members are left out of the
directory and their profile answers 404, except to staff.
"""

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, QuerySet
from django.http import Http404

from belvedere.forum.models import Post, Reaction, Topic
from belvedere.forum.permissions import is_staff
from belvedere.forum.queries import VISIBLE, count_of, readable_categories, visible_topics_q

MEMBERS_PER_PAGE = 30
RECENT_POSTS = 10
SORTS = {
    "name": ("display_name", "pk"),
    "joined": ("-date_joined", "pk"),
    "posts": ("-post_count", "display_name", "pk"),
    "reactions": ("-reactions_received", "display_name", "pk"),
}


def _readable_posts(viewer) -> QuerySet[Post]:
    return Post.objects.filter(
        VISIBLE, visible_topics_q("topic__"), topic__category__in=readable_categories(viewer)
    )


def with_stats(members: QuerySet, viewer) -> QuerySet:
    """Annotate `post_count`, `topic_count` and `reactions_received` (three subqueries)."""
    posts = _readable_posts(viewer)
    topics = Topic.objects.filter(visible_topics_q(), category__in=readable_categories(viewer))
    reactions = Reaction.objects.filter(post__author=OuterRef("pk"), post__in=posts.values("pk"))
    return members.annotate(
        post_count=count_of(posts.filter(author=OuterRef("pk")), "author"),
        topic_count=count_of(topics.filter(author=OuterRef("pk")), "author"),
        reactions_received=count_of(reactions, "post__author"),
    )


def list_members(viewer, *, q: str = "", sort: str = "name") -> QuerySet:
    members = get_user_model().objects.filter(is_active=True)
    q = q.replace("\x00", "").strip()
    if q:
        members = members.filter(display_name__icontains=q)
    return with_stats(members, viewer).order_by(*SORTS.get(sort, SORTS["name"]))


def get_member_for_viewer(viewer, member_id: int):
    members = get_user_model().objects.filter(pk=member_id)
    if not is_staff(viewer):
        members = members.filter(is_active=True)
    member = with_stats(members, viewer).prefetch_related("badges").first()
    if member is None:
        raise Http404("No such member")
    return member


def recent_posts(viewer, member) -> list[Post]:
    posts = _readable_posts(viewer).filter(author=member)
    return list(posts.select_related("topic").order_by("-created_at", "-pk")[:RECENT_POSTS])
