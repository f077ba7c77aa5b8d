"""Reads of the forum, including the access gateways every view and API handler goes through.

The gateways (`get_category_for_user`, `get_topic_for_user`, `get_post_for_user`) raise Http404
for what the user may not read, so that hidden content looks like missing content.
"""

from datetime import timedelta

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from belvedere.forum import list_cache
from belvedere.forum.models import (
    REACTIONS,
    Category,
    ModerationState,
    Post,
    PostRevision,
    Reaction,
    Tag,
    Topic,
    TopicRead,
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
NEW_TOPIC_DAYS = 14  # a topic a member never opened counts as "new" this long


def visible_topics_q(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}deleted_at__isnull": True,
            f"{prefix}hidden_at__isnull": True,
            f"{prefix}moderation_state": ModerationState.PUBLISHED,
        }
    )


def readable_categories(user) -> QuerySet[Category]:
    """Categories whose audience takes `user`, or that let them in by name (a subquery)."""
    audiences = allowed_audiences(user)
    own = Q(read_access__in=audiences)
    parent = Q(parent__isnull=True) | Q(parent__read_access__in=audiences)
    if is_member(user):
        granted = Category.granted_members.through.objects.filter(user_id=user.pk)
        ids = granted.values("category_id")
        own |= Q(pk__in=ids)
        parent |= Q(parent_id__in=ids)
    return Category.objects.filter(own).filter(parent)


CATEGORY_FIGURES = {
    "topic_count": 0,
    "post_count": 0,
    "last_activity": None,
    "last_topic_id": None,
    "last_topic_title": None,
}


def category_figures() -> dict[int, dict]:
    """Visible topics, posts and the latest activity of every category: the same for every
    reader (what they may not read is left out with its category). One query."""
    visible = visible_topics_q("topics__")
    latest = Topic.objects.filter(visible_topics_q(), category=OuterRef("pk")).order_by(
        "-last_post_at"
    )
    rows = Category.objects.annotate(
        topic_count=Count("topics", filter=visible),
        post_count=Sum("topics__post_count", filter=visible, default=0),
        last_activity=Max("topics__last_post_at", filter=visible),
        last_topic_id=Subquery(latest.values("id")[:1]),
        last_topic_title=Subquery(latest.values("title")[:1]),
    ).values("pk", *CATEGORY_FIGURES)
    return {row.pop("pk"): row for row in rows}


def list_categories(user) -> list[Category]:
    """Readable categories with counts and last activity (cached for everyone, list_cache.py)
    and the member's new/unread counts; top level first, children attached."""
    rows = list(annotate_category_reading(readable_categories(user), user))
    figures = list_cache.cached("category-figures", category_figures)
    by_id = {c.pk: c for c in rows}
    top = []
    for category in rows:
        category.__dict__.update(figures.get(category.pk, CATEGORY_FIGURES))
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
    if category is not None:  # ids, not a join: the list's index (category, pinned, last post)
        children = Category.objects.filter(parent=category).values("pk")
        topics = topics.filter(Q(category=category) | Q(category__in=children))
    if tag is not None:
        topics = topics.filter(tags=tag)
    topics = (
        topics.select_related("author", "last_post_author", "category")
        .prefetch_related("tags")
        .order_by(*TOPIC_SORTS.get(sort, TOPIC_SORTS["latest"]))
    )
    return annotate_topic_reading(topics, user)


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
        .prefetch_related(Prefetch("reactions", queryset=reactions), "author__badges")
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


# Read tracking -------------------------------------------------------------------------------


def new_since(user):
    """Topics created after this, and never opened by `user`, are "new" to them."""
    cutoff = timezone.now() - timedelta(days=NEW_TOPIC_DAYS)
    return max(cutoff, user.date_joined)


def count_of(rows: QuerySet, key: str = "category") -> Subquery:
    counted = rows.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def annotate_category_reading(categories: QuerySet[Category], user) -> QuerySet[Category]:
    """`new_count` (topics never opened, recent) and `unread_count` (topics with posts since
    the member's last visit) per category; zeros for visitors. Two subqueries, no N+1."""
    if not is_member(user):
        return categories.annotate(new_count=Value(0), unread_count=Value(0))
    reads = TopicRead.objects.filter(user=user, topic=OuterRef("pk"))
    topics = Topic.objects.filter(visible_topics_q(), category=OuterRef("pk"))
    new = topics.filter(created_at__gte=new_since(user)).exclude(Exists(reads))
    unread = topics.filter(Exists(reads.filter(last_read_at__lt=OuterRef("last_post_at"))))
    return categories.annotate(new_count=count_of(new), unread_count=count_of(unread))


def annotate_topic_reading(topics: QuerySet[Topic], user) -> QuerySet[Topic]:
    """`last_read_number`, `unread_count` (visible posts after it) and `is_new` per topic."""
    if not is_member(user):
        return topics
    read = TopicRead.objects.filter(user=user, topic=OuterRef("pk"))
    unread = Post.objects.filter(
        VISIBLE, topic=OuterRef("pk"), number__gt=OuterRef("last_read_number")
    )
    fresh = When(~Exists(read), created_at__gte=new_since(user), then=Value(True))
    # Posts are only counted for topics read part of the way: never opened means all its
    # visible posts (post_count, kept by the services), read to the end means none.
    unread_count = Case(
        When(last_read_number__isnull=True, then=F("post_count")),
        When(last_read_number__gte=F("last_number"), then=Value(0)),
        default=count_of(unread, "topic"),
        output_field=IntegerField(),
    )
    return topics.annotate(
        last_read_number=Subquery(read.values("last_read_number")[:1]),
        is_new=Case(fresh, default=Value(False), output_field=BooleanField()),
    ).annotate(unread_count=unread_count)


def first_unread_number(user, topic: Topic) -> int | None:
    """The number of the first post `user` has not read (None when all is read)."""
    read = TopicRead.objects.filter(user=user, topic=topic).first() if is_member(user) else None
    after = read.last_read_number if read else 0
    post = posts_visible_to(user, topic).filter(number__gt=after).order_by("number").first()
    return post.number if post else None
