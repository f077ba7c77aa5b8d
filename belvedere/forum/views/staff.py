"""Staff actions on topics (pin, lock, close, move) and posts (hide, delete, restore, approve)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.forum import permissions, queries, services
from belvedere.forum.forms import PostActionForm, TopicActionForm
from belvedere.forum.views.browse import post_url

POST_ACTIONS = {
    "hide": services.hide_post,
    "delete": services.delete_post,
    "restore": services.restore_post,
    "approve": services.approve_post,
}


@login_required
@require_POST
def topic_action(request: HttpRequest, topic_id: int):
    topic = queries.get_topic_for_user(request.user, topic_id)
    if not permissions.can_moderate(request.user, topic):
        raise PermissionDenied
    form = TopicActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.values()))
        return redirect("forum:topic", topic.pk)
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    if action == "move":
        services.move_topic(topic, form.cleaned_data["category"], actor=request.user, reason=reason)
    else:
        services.set_topic_flag(topic, action, actor=request.user, reason=reason)
    messages.success(request, _("Done."))
    return redirect("forum:topic", topic.pk)


def _may(user, post, action: str) -> bool:
    if action == "delete":
        return permissions.can_delete_post(user, post)
    return permissions.can_moderate(user, post)


@login_required
@require_POST
def post_action(request: HttpRequest, post_id: int):
    post = queries.get_post_for_user(request.user, post_id)
    form = PostActionForm(request.POST)
    if not form.is_valid():
        if not _may(request.user, post, request.POST.get("action", "")):
            raise PermissionDenied
        messages.error(request, " ".join(str(e) for e in form.errors.values()))
        return redirect(post_url(request.user, post))
    action = form.cleaned_data["action"]
    if not _may(request.user, post, action):
        raise PermissionDenied
    POST_ACTIONS[action](post, actor=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("Done."))
    return redirect(post_url(request.user, post))
