"""Reads of the forum, including the access gateways every view and API handler goes through.

The gateways (`get_category_for_user`, `get_topic_for_user`, `get_post_for_user`) raise Http404
for what the user may not read, so that hidden content looks like missing content.
"""

from django.db.models import Count, F, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.http import Http404

from belvedere.forum.models import (
    REACTIONS,
    Category,
    ModerationState,
    Post,
    PostRevision,
    Reaction,
    Tag,
    Topic,
)
from belvedere.forum.permissions import (
    allowed_audiences,
    can_read_category,
    can_read_topic,
    can_see_post,
    can_start_topic,
    is_member,
    is_staff,
)

POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30
WHO_LIMIT = 10
TOPIC_SORTS = {
    "latest": ("-is_pinned", "-last_post_at", "-id"),
    "new": ("-is_pinned", "-created_at", "-id"),
    "top": ("-is_pinned", "-post_count", "-last_post_at", "-id"),
}
VISIBLE = Q(deleted_at__isnull=True, hidden_at__isnull=True, moderation_state="published")


def visible_topics_q(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}deleted_at__isnull": True,
            f"{prefix}hidden_at__isnull": True,
            f"{prefix}moderation_state": ModerationState.PUBLISHED,
        }
    )


def readable_categories(user) -> QuerySet[Category]:
    audiences = allowed_audiences(user)
    return Category.objects.filter(read_access__in=audiences).filter(
        Q(parent__isnull=True) | Q(parent__read_access__in=audiences)
    )


def list_categories(user) -> list[Category]:
    """Readable categories with counts and last activity; top level first, children attached."""
    visible = visible_topics_q("topics__")
    latest = Topic.objects.filter(visible_topics_q(), category=OuterRef("pk")).order_by(
        "-last_post_at"
    )
    rows = list(
        readable_categories(user).annotate(
            topic_count=Count("topics", filter=visible),
            post_count=Sum("topics__post_count", filter=visible, default=0),
            last_activity=Max("topics__last_post_at", filter=visible),
            last_topic_id=Subquery(latest.values("id")[:1]),
            last_topic_title=Subquery(latest.values("title")[:1]),
        )
    )
    by_id = {c.pk: c for c in rows}
    top = []
    for category in rows:
        category.subcategories = []
        if category.parent_id is None:
            top.append(category)
    for category in rows:
        if category.parent_id in by_id:
            by_id[category.parent_id].subcategories.append(category)
    return top


def list_startable_categories(user) -> list[Category]:
    categories = readable_categories(user).select_related("parent")
    return [c for c in categories if can_start_topic(user, c)]


def get_category_for_user(user, slug: str) -> Category:
    category = Category.objects.select_related("parent").filter(slug=slug).first()
    if category is None or not can_read_category(user, category):
        raise Http404("No such category")
    return category


def topics_visible_to(user) -> QuerySet[Topic]:
    topics = Topic.objects.filter(category__in=readable_categories(user))
    if is_staff(user):
        return topics
    if is_member(user):
        return topics.filter(
            VISIBLE | Q(author=user, deleted_at__isnull=True, hidden_at__isnull=True)
        )
    return topics.filter(VISIBLE)


def list_topics(
    user, *, category: Category | None = None, tag: Tag | None = None, sort: str = "latest"
) -> QuerySet[Topic]:
    topics = topics_visible_to(user)
    if category is not None:
        topics = topics.filter(Q(category=category) | Q(category__parent=category))
    if tag is not None:
        topics = topics.filter(tags=tag)
    return (
        topics.select_related("author", "last_post_author", "category")
        .prefetch_related("tags")
        .order_by(*TOPIC_SORTS.get(sort, TOPIC_SORTS["latest"]))
    )


def get_topic_for_user(user, topic_id: int) -> Topic:
    topic = (
        Topic.objects.select_related("category__parent", "author")
        .prefetch_related("tags")
        .filter(pk=topic_id)
        .first()
    )
    if topic is None or not can_read_topic(user, topic):
        raise Http404("No such topic")
    return topic


def get_post_for_user(user, post_id: int) -> Post:
    post = (
        Post.objects.select_related("author", "topic__category__parent", "topic__author")
        .filter(pk=post_id)
        .first()
    )
    if post is None or not can_read_topic(user, post.topic) or not can_see_post(user, post):
        raise Http404("No such post")
    return post


def get_tag(slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag")
    return tag


def posts_visible_to(user, topic: Topic) -> QuerySet[Post]:
    """Posts of `topic` in the stream: deleted/hidden ones stay as placeholders, held ones
    only for their author and staff."""
    posts = Post.objects.filter(topic=topic)
    if is_staff(user):
        return posts
    if is_member(user):
        return posts.filter(Q(moderation_state=ModerationState.PUBLISHED) | Q(author=user))
    return posts.filter(moderation_state=ModerationState.PUBLISHED)


def list_posts(user, topic: Topic) -> QuerySet[Post]:
    reactions = Reaction.objects.select_related("user").only(
        "id", "post_id", "kind", "user_id", "created_at", "user__display_name"
    )
    posts = (
        posts_visible_to(user, topic)
        .select_related("author", "deleted_by", "hidden_by")
        .annotate(
            reply_to_number=F("reply_to__number"),
            reply_to_author=F("reply_to__author__display_name"),
        )
        .prefetch_related(Prefetch("reactions", queryset=reactions))
        .order_by("number")
    )
    if is_staff(user):
        revisions = PostRevision.objects.select_related("editor")
        posts = posts.prefetch_related(Prefetch("revisions", queryset=revisions))
    return posts


def post_page_number(user, post: Post) -> int:
    before = posts_visible_to(user, post.topic).filter(number__lt=post.number).count()
    return before // POSTS_PER_PAGE + 1


def summarize_reactions(posts, user) -> None:
    """Attach `post.reaction_rows` (kind, emoji, count, mine, who) from prefetched reactions."""
    for post in posts:
        by_kind: dict[str, list] = {}
        for reaction in post.reactions.all():
            by_kind.setdefault(reaction.kind, []).append(reaction)
        post.reaction_rows = [
            {
                "kind": kind,
                "emoji": emoji,
                "count": len(by_kind.get(kind, [])),
                "mine": any(r.user_id == getattr(user, "pk", None) for r in by_kind.get(kind, [])),
                "who": [r.user.display_name for r in by_kind.get(kind, [])[:WHO_LIMIT]],
            }
            for kind, emoji in REACTIONS.items()
        ]


def reaction_counts(post: Post) -> dict[str, int]:
    rows = Reaction.objects.filter(post=post).values("kind").annotate(n=Count("id"))
    return {row["kind"]: row["n"] for row in rows}


def list_revisions(post: Post) -> QuerySet[PostRevision]:
    return post.revisions.select_related("editor").order_by("-number")


def list_tags_for_topics(topic_ids) -> QuerySet[Tag]:
    return Tag.objects.filter(topics__in=topic_ids).distinct()


def get_reply_target(topic: Topic, post_id: int | None) -> Post | None:
    if not post_id:
        return None
    return Post.objects.filter(topic=topic, pk=post_id).first()
