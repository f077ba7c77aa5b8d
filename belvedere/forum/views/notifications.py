"""Notifications, the unread badge, e-mail preference, and watching topics and categories."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.forum import queries, queries_social
from belvedere.forum.forms_social import PreferencesForm, WatchForm
from belvedere.forum.services import notifications as notify
from belvedere.forum.services import watching


@login_required
@require_GET
def notifications(request: HttpRequest):
    unread_only = request.GET.get("filter") == "unread"
    rows = queries_social.list_notifications(request.user, unread_only=unread_only)
    page = Paginator(rows, queries_social.NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    for row in page:
        row.text = queries_social.describe_notification(row)
    query = "filter=unread" if unread_only else ""
    context = {"page": page, "unread_only": unread_only, "query": query}
    return render(request, "forum/notifications.html", context)


@require_GET
def notification_badge(request: HttpRequest):
    """The unread count for the header (HTMX): empty when there is none or nobody signed in."""
    count = queries_social.unread_count(request.user)
    return HttpResponse(str(count) if count else "", content_type="text/plain; charset=utf-8")


@login_required
@require_POST
def open_notification(request: HttpRequest, notification_id: int):
    row = queries_social.get_notification_for_user(request.user, notification_id)
    notify.mark_read(request.user, row)
    return redirect("forum:post", row.post_id)


@login_required
@require_POST
def read_all(request: HttpRequest):
    count = notify.mark_all_read(request.user)
    messages.success(request, _("%(n)d notifications marked as read.") % {"n": count})
    return redirect("forum:notifications")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest):
    initial = {"email_frequency": queries_social.email_frequency(request.user)}
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        watching.set_email_frequency(request.user, form.cleaned_data["email_frequency"])
        messages.success(request, _("Preferences saved."))
        return redirect("forum:preferences")
    return render(request, "forum/preferences.html", {"form": form}, status=200)


def _watch(request, *, topic=None, category=None):
    form = WatchForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown level."))
    level = form.cleaned_data["level"]
    watching.set_watch_level(request.user, level, topic=topic, category=category)
    messages.success(request, _("Notification level saved."))
    return None


@login_required
@require_POST
def watch_topic(request: HttpRequest, topic_id: int):
    topic = queries.get_topic_for_user(request.user, topic_id)
    return _watch(request, topic=topic) or redirect("forum:topic", topic.pk)


@login_required
@require_POST
def watch_category(request: HttpRequest, slug: str):
    category = queries.get_category_for_user(request.user, slug)
    return _watch(request, category=category) or redirect("forum:category", category.slug)
