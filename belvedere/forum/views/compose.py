"""Writing in the forum: new topic, reply, edit, react. A refused post keeps its text."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.forum import permissions, queries, ratelimits, services
from belvedere.forum.forms import EditPostForm, ReactionForm, ReplyForm, TopicForm
from belvedere.forum.views import drafts
from belvedere.forum.views.browse import post_url
from belvedere.forum.views.common import (
    keep_body,
    post_fragment,
    rate_limited,
    reply_form_for,
    topic_context,
    with_image,
)
from belvedere.terms.decorators import acceptance_required


def _new_topic_draft(request) -> tuple[str, str]:
    """Where a refused new topic waits: its category, and the form for that category."""
    posted = request.POST.get("category", "")
    categories = queries.list_startable_categories(request.user)
    category = next((c for c in categories if str(c.pk) == posted), None)
    url = reverse("forum:new_topic")
    if category is None:
        return "category:", url
    return f"category:{category.pk}", f"{url}?{urlencode({'category': category.slug})}"


def _new_topic_form(request, categories):
    chosen = next((c for c in categories if c.slug == request.GET.get("category")), None)
    if request.method == "POST":
        return TopicForm(request.POST, request.FILES, categories=categories)
    draft = drafts.pop_draft(request, f"category:{chosen.pk if chosen else ''}")
    return TopicForm(categories=categories, initial={"category": chosen, **draft})


@login_required
@drafts.keep_draft_until_accepted(_new_topic_draft)
@require_http_methods(["GET", "POST"])
def new_topic(request: HttpRequest):
    categories = queries.list_startable_categories(request.user)
    if not categories:
        raise PermissionDenied
    if request.method == "GET":  # accept first: nobody types into a form that would be refused
        notice = drafts.terms_notice(request, request.get_full_path())
        if notice["terms_pending"]:
            return render(request, "forum/new_topic.html", notice)
    form = _new_topic_form(request, categories)
    if request.method != "POST" or not form.is_valid():
        return render(request, "forum/new_topic.html", {"form": form})
    if rate_limited(request):
        keep_body(form, form.cleaned_data["body"], ratelimits.limited_message())
        return render(request, "forum/new_topic.html", {"form": form}, status=429)
    data, body = form.cleaned_data, with_image(request, form)
    try:
        topic = services.create_topic(
            category=data["category"],
            author=request.user,
            title=data["title"],
            body=body,
            tags=data["tags"],
        )
    except services.ContentRejected as refusal:
        keep_body(form, body, refusal.message)
        return render(request, "forum/new_topic.html", {"form": form})
    return redirect("forum:topic", topic.pk)


def _reply_draft(request, topic_id: int) -> tuple[str, str]:
    return f"topic:{topic_id}", reverse("forum:topic", args=[topic_id]) + "#reply"


@login_required
@drafts.keep_draft_until_accepted(_reply_draft)
@acceptance_required
@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, topic_id: int):
    topic = queries.get_topic_for_user(request.user, topic_id)
    if request.method == "GET":  # HTMX: the reply form, quoting a post
        form = reply_form_for(request.user, topic, request.GET.get("quote"))
        return render(request, "forum/_reply_form.html", {"topic": topic, "reply_form": form})
    if not permissions.can_reply(request.user, topic):
        raise PermissionDenied
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _reply_page(request, topic, form)
    if rate_limited(request):
        keep_body(form, form.cleaned_data["body"], ratelimits.limited_message())
        return _reply_page(request, topic, form, status=429)
    body = with_image(request, form)
    reply_to = queries.get_reply_target(topic, form.cleaned_data["reply_to"])
    try:
        post = services.create_reply(topic, author=request.user, body=body, reply_to=reply_to)
    except services.ContentRejected as refusal:
        keep_body(form, body, refusal.message)
        return _reply_page(request, topic, form)
    return redirect(post_url(request.user, post))


def _reply_page(request, topic, form, status=200):
    """The topic's last page, with the refused reply in the form."""
    paginator = Paginator(queries.list_posts(request.user, topic), queries.POSTS_PER_PAGE)
    page = paginator.get_page(paginator.num_pages)
    context = topic_context(request, topic, page, reply_form=form)
    return render(request, "forum/topic.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit_post(request: HttpRequest, post_id: int):
    post = queries.get_post_for_user(request.user, post_id)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied
    first, topic = post.is_first, post.topic
    tags = ", ".join(t.slug for t in topic.tags.all())
    initial = {"body": post.body, "title": topic.title, "tags": tags}
    form = EditPostForm(request.POST or None, initial=initial, first_post=first)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_post(
                post,
                actor=request.user,
                body=data["body"],
                title=data.get("title"),
                tags=data.get("tags") if first else None,
                reason=data["reason"],
            )
        except services.ContentRejected as refusal:
            form.add_error(None, refusal.message)
        else:
            if request.htmx:
                return post_fragment(request, topic, post.pk)
            return redirect(post_url(request.user, post))
    template = "forum/_edit_form.html" if request.htmx else "forum/edit_post.html"
    return render(request, template, {"form": form, "post": post, "topic": topic})


@login_required
@require_POST
def react(request: HttpRequest, post_id: int):
    post = queries.get_post_for_user(request.user, post_id)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return render(request, "forum/_error.html", {"message": _("Unknown reaction.")}, status=400)
    kind = form.cleaned_data["kind"]
    if not permissions.can_react(request.user, post, kind):
        raise PermissionDenied
    services.toggle_reaction(post, user=request.user, kind=kind)
    if not request.htmx:
        return redirect(post_url(request.user, post))
    return post_fragment(request, post.topic, post.pk, template="forum/_reactions.html")
