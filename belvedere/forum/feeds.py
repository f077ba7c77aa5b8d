"""RSS 2.0 and Atom feeds: latest topics, a category's topics, a topic's posts.

Feeds show only what a visitor without an account may read, with absolute links built from
settings.BASE_URL (not from the request's Host header).
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from belvedere.forum import queries
from belvedere.forum.models import Category, Post, Topic
from belvedere.moderation.censor import censor, censor_text

FEED_ITEMS = 30
VISITOR = AnonymousUser()


def absolute(path: str) -> str:
    return settings.BASE_URL + path


def feed_links(category: Category | None = None, topic: Topic | None = None) -> list[dict]:
    """The alternate links of a page (and the API's `feeds` answers)."""
    if topic is not None:
        title = censor_text(topic.title)
        names, args = ("feed_topic_rss", "feed_topic_atom"), [topic.pk]
    elif category is not None:
        names, args, title = (
            ("feed_category_rss", "feed_category_atom"),
            [category.slug],
            (category.name),
        )
    else:
        names, args, title = ("feed_latest_rss", "feed_latest_atom"), [], _("Latest topics")
    return [
        {"type": kind, "title": str(title), "url": absolute(reverse(f"forum:{name}", args=args))}
        for kind, name in zip(("application/rss+xml", "application/atom+xml"), names, strict=True)
    ]


class TopicItems:
    """Items are topics; their text is the first post's HTML."""

    def item_title(self, item: Topic) -> str:
        return censor_text(item.title)

    def item_description(self, item: Topic) -> str:
        return censor(item.first_html)

    def item_link(self, item: Topic) -> str:
        return absolute(reverse("forum:topic", args=[item.pk]))

    def item_author_name(self, item: Topic) -> str:
        return item.author.display_name if item.author else ""

    def item_pubdate(self, item: Topic):
        return item.created_at

    def item_updateddate(self, item: Topic):
        return item.last_post_at

    def item_categories(self, item: Topic):
        return [item.category.name]


def _topics(category: Category | None):
    topics = queries.list_topics(VISITOR, category=category, sort="new")[:FEED_ITEMS]
    topics = list(topics)
    bodies = dict(
        Post.objects.filter(topic__in=topics, number=1).values_list("topic_id", "body_html")
    )
    for topic in topics:
        topic.first_html = bodies.get(topic.pk, "")
    return topics


class LatestRssFeed(TopicItems, Feed):
    title = _("Forum: latest topics")
    description = _("The newest topics of the community forum.")

    def link(self):
        return absolute(reverse("forum:index"))

    def feed_url(self):
        return absolute(reverse("forum:feed_latest_rss"))

    def items(self):
        return _topics(None)


class LatestAtomFeed(LatestRssFeed):
    feed_type = Atom1Feed
    subtitle = LatestRssFeed.description

    def feed_url(self):
        return absolute(reverse("forum:feed_latest_atom"))


class CategoryRssFeed(TopicItems, Feed):
    def get_object(self, request, slug: str):
        return queries.get_category_for_user(VISITOR, slug)

    def title(self, obj):
        return obj.name

    def description(self, obj):
        return obj.description or obj.name

    def link(self, obj):
        return absolute(reverse("forum:category", args=[obj.slug]))

    def feed_url(self, obj):
        return absolute(reverse("forum:feed_category_rss", args=[obj.slug]))

    def items(self, obj):
        return _topics(obj)


class CategoryAtomFeed(CategoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return obj.description or obj.name

    def feed_url(self, obj):
        return absolute(reverse("forum:feed_category_atom", args=[obj.slug]))


class TopicRssFeed(Feed):
    def get_object(self, request, topic_id: int):
        topic = queries.get_topic_for_user(VISITOR, topic_id)
        if not topic.is_visible:
            raise Http404("No such topic")
        return topic

    def title(self, obj):
        return censor_text(obj.title)

    def description(self, obj):
        return censor_text(obj.title)

    def link(self, obj):
        return absolute(reverse("forum:topic", args=[obj.pk]))

    def feed_url(self, obj):
        return absolute(reverse("forum:feed_topic_rss", args=[obj.pk]))

    def items(self, obj):
        posts = queries.posts_visible_to(VISITOR, obj).filter(queries.VISIBLE)
        return posts.select_related("author").order_by("-number")[:FEED_ITEMS]

    def item_title(self, item: Post) -> str:
        name = item.author.display_name if item.author else "?"
        return f"#{item.number} · {name}"

    def item_description(self, item: Post) -> str:
        return censor(item.body_html)

    def item_link(self, item: Post) -> str:
        return absolute(reverse("forum:post", args=[item.pk]))

    def item_author_name(self, item: Post) -> str:
        return item.author.display_name if item.author else ""

    def item_pubdate(self, item: Post):
        return item.created_at

    def item_updateddate(self, item: Post):
        return item.edited_at or item.created_at


class TopicAtomFeed(TopicRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return censor_text(obj.title)

    def feed_url(self, obj):
        return absolute(reverse("forum:feed_topic_atom", args=[obj.pk]))
