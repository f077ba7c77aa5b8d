"""Context and helpers shared by the forum's views."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from belvedere.core import ratelimit
from belvedere.forum import permissions, queries, ratelimits, services
from belvedere.forum.forms import ReplyForm
from belvedere.forum.models import Category, Post, Topic


def quote_text(post: Post) -> str:
    author = post.author.display_name if post.author else _("someone")
    lines = "\n".join(f"> {line}" for line in post.body.splitlines())
    return f"{author}:\n{lines}\n\n"


def reply_form_for(user, topic: Topic, quote: str | None) -> ReplyForm:
    if not quote or not str(quote).isdigit():
        return ReplyForm()
    post = Post.objects.select_related("author").filter(topic=topic, pk=int(quote)).first()
    if post is None or not permissions.can_read_post_body(user, post):
        return ReplyForm()
    return ReplyForm(initial={"body": quote_text(post), "reply_to": post.pk})


def topic_context(request, topic: Topic, page, reply_form=None) -> dict:
    """What topic.html and its post partials need; `page` is a Page or a list of posts."""
    user = request.user
    staff = permissions.can_moderate(user)
    queries.summarize_reactions(page, user)
    for post in page:
        post.topic = topic
        post.can_edit = permissions.can_edit_post(user, post)
        post.can_delete = permissions.can_delete_post(user, post)
        post.can_read_body = permissions.can_read_post_body(user, post)
        post.reaction_total = sum(row["count"] for row in post.reaction_rows)
        for row in post.reaction_rows:
            row["can"] = permissions.can_react(user, post, row["kind"])
    return {
        "topic": topic,
        "page": page,
        "is_staff": staff,
        "can_reply": permissions.can_reply(user, topic),
        "reply_form": reply_form or reply_form_for(user, topic, request.GET.get("quote")),
        "move_categories": Category.objects.select_related("parent") if staff else (),
    }


def rate_limited(request) -> bool:
    """True when the member must wait; counts the attempt otherwise."""
    ip = ratelimit.client_ip(request)
    if ratelimits.posting_is_limited(request.user, ip):
        return True
    ratelimits.count_post(request.user, ip)
    return False


def with_image(request, form) -> str:
    """The body, with the uploaded image (if any) appended as Markdown."""
    body = form.cleaned_data["body"]
    image = form.cleaned_data.get("image")
    if image:
        upload = services.save_upload(image, owner=request.user)
        body = f"{body}\n\n{services.image_markdown(upload)}"
    return body


def keep_body(form, body: str, message: str) -> None:
    """Show `message` on a refused form, keeping the text (with any uploaded image link)."""
    form.data = form.data.copy()
    form.data["body"] = body
    form.add_error(None, message)


def post_fragment(request, topic: Topic, post_id: int, template: str = "forum/_post.html"):
    """One post rendered alone, for HTMX swaps (after an edit or a reaction)."""
    post = queries.list_posts(request.user, topic).get(pk=post_id)
    context = topic_context(request, topic, [post])
    return render(request, template, {**context, "post": post})
