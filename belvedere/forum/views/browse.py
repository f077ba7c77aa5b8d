"""Reading the forum: index, category, topic, tag, and post permalinks."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from belvedere.core.csv import csv_response
from belvedere.forum import list_cache, permissions, queries, queries_social, stream_cache
from belvedere.forum.feeds import VISITOR, feed_links
from belvedere.forum.models import WatchLevel
from belvedere.forum.services.reading import mark_topic_read
from belvedere.forum.views import drafts
from belvedere.forum.views.common import topic_context

SORTS = {"latest", "new", "top"}


def _topic_page(request, topics, template: str, context: dict, scope: str):
    """A paginated topic list; visitors get it from list_cache (rendered once per change)."""
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "latest"
    if request.GET.get("format") == "csv":
        rows = (
            (t.pk, t.title, t.author, t.created_at.isoformat(), t.post_count) for t in topics(sort)
        )
        return csv_response("topics.csv", ["id", "title", "author", "created_at", "posts"], rows)

    def render_list() -> str:
        page = Paginator(topics(sort), queries.TOPICS_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(page=page, sort=sort, sorts=sorted(SORTS), query=query.urlencode())
        return render_to_string("forum/_topic_list.html", context, request)

    name = list_cache.visitor_list_name(request, scope, get_language())
    context["topic_list_html"] = (
        list_cache.cached_html(name, render_list) if name else render_list()
    )
    return render(request, template, context)


@require_GET
def index(request: HttpRequest):
    def render_table() -> str:
        categories = queries.list_categories(request.user)
        return render_to_string("forum/_category_table.html", {"categories": categories}, request)

    name = list_cache.visitor_list_name(request, "index", get_language())
    context = {
        "category_table_html": list_cache.cached_html(name, render_table)
        if name
        else render_table(),
        "can_start": request.user.is_authenticated,
        "feeds": feed_links(),
    }
    return render(request, "forum/index.html", context)


@require_GET
def category(request: HttpRequest, slug: str):
    category = queries.get_category_for_user(request.user, slug)
    subcategories = [
        c for c in queries.readable_categories(request.user) if c.parent_id == category.pk
    ]
    public = permissions.can_read_category(VISITOR, category)
    feeds = feed_links(category=category) if public else feed_links()
    context = {"category": category, "subcategories": subcategories, "feeds": feeds}
    context.update(
        watch_context(request.user, reverse("forum:watch_category", args=[slug]), category=category)
    )

    def topics(sort):
        return queries.list_topics(request.user, category=category, sort=sort)

    return _topic_page(request, topics, "forum/category.html", context, f"c{category.pk}")


@require_GET
def tag(request: HttpRequest, slug: str):
    tag = queries.get_tag(slug)

    def topics(sort):
        return queries.list_topics(request.user, tag=tag, sort=sort)

    return _topic_page(request, topics, "forum/tag.html", {"tag": tag}, f"t{tag.pk}")


@require_GET
def topic(request: HttpRequest, topic_id: int, slug: str = ""):
    topic = queries.get_topic_for_user(request.user, topic_id)
    cached_page = stream_cache.cacheable_page(request)
    language = get_language()
    stream = stream_cache.get_stream(topic.pk, cached_page, language) if cached_page else None
    if stream is not None:
        context = {"topic": topic, "stream_html": stream, "can_reply": False}
    else:
        posts = queries.list_posts(request.user, topic)
        page = Paginator(posts, queries.POSTS_PER_PAGE).get_page(request.GET.get("page"))
        context = topic_context(request, topic, page)
        context["stream_html"] = render_to_string("forum/_stream.html", context, request)
        if cached_page:
            stream_cache.set_stream(topic.pk, cached_page, language, context["stream_html"])
        _mark_read(request.user, topic, page)
    if context["can_reply"]:
        context.update(drafts.reply_compose_context(request, topic))
    context.update(
        watch_context(request.user, reverse("forum:watch_topic", args=[topic.pk]), topic=topic)
    )
    public = topic.is_visible and permissions.can_read_category(VISITOR, topic.category)
    context["feeds"] = feed_links(topic=topic) if public else feed_links()
    return render(request, "forum/topic.html", context)


def _mark_read(user, topic, page) -> None:
    if user.is_authenticated and len(page):
        last = page[len(page) - 1]
        mark_topic_read(user, topic, number=last.number, at=last.created_at)


@require_GET
def topic_unread(request: HttpRequest, topic_id: int):
    """Jump to the first post the member has not read (the last page when all is read)."""
    topic = queries.get_topic_for_user(request.user, topic_id)
    number = queries.first_unread_number(request.user, topic)
    posts = queries.posts_visible_to(request.user, topic)
    post = posts.filter(number=number).first() if number else posts.order_by("number").last()
    if post is None:
        return redirect("forum:topic", topic.pk)
    return redirect(post_url(request.user, post))


def watch_context(user, url: str, **target) -> dict:
    level = queries_social.get_watch_level(user, **target) if user.is_authenticated else ""
    return {"watch_url": url, "watch_level": level, "watch_levels": WatchLevel.choices}


@require_GET
def post_link(request: HttpRequest, post_id: int):
    post = queries.get_post_for_user(request.user, post_id)
    return redirect(post_url(request.user, post))


def post_url(user, post) -> str:
    page = queries.post_page_number(user, post)
    url = reverse("forum:topic", args=[post.topic_id])
    return f"{url}?page={page}#post-{post.number}" if page > 1 else f"{url}#post-{post.number}"
