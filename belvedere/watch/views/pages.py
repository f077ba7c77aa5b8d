"""Page watch pages: list, create, edit, delete, check now, history and diffs."""

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.watch.forms import PageWatchForm
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import pages as queries
from belvedere.watch.services import pages as services
from belvedere.watch.services.settings import get_settings
from belvedere.watch.views import form_page, page_of


@role_required(Role.MODERATOR)
@require_GET
def watch_list(request: HttpRequest):
    watches = queries.list_watches()
    if request.GET.get("format") == "csv":
        return csv_response("page-watches.csv", queries.WATCH_CSV, map(queries.watch_row, watches))
    context = {
        "page": page_of(request, watches),
        "can_manage": can_manage_watch(request.user),
        "feed_token": get_settings().feed_token if can_manage_watch(request.user) else "",
    }
    return render(request, "watch/pages.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def watch_create(request: HttpRequest):
    form = PageWatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        watch = services.create_watch(actor=request.user, **form.cleaned_data)
        return redirect("watch:page", watch.pk)
    return form_page(request, form, title=_("New page watch"), back=reverse("watch:pages"))


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def watch_edit(request: HttpRequest, watch_id: int):
    watch = queries.get_watch_for_user(request.user, watch_id)
    form = PageWatchForm(request.POST or None, instance=None if request.method == "POST" else watch)
    if request.method == "POST" and form.is_valid():
        services.update_watch(watch, actor=request.user, **form.cleaned_data)
        return redirect("watch:page", watch.pk)
    delete_url = reverse("watch:page_delete", args=[watch.pk])
    return form_page(request, form, title=watch.name, obj=watch, delete_url=delete_url)


@role_required(Role.MANAGER)
@require_POST
def watch_delete(request: HttpRequest, watch_id: int):
    watch = queries.get_watch_for_user(request.user, watch_id)
    services.delete_watch(watch, actor=request.user)
    messages.success(request, _("Page watch “%(name)s” deleted.") % {"name": watch.name})
    return redirect("watch:pages")


@role_required(Role.MANAGER)
@require_POST
def watch_check(request: HttpRequest, watch_id: int):
    watch = queries.get_watch_for_user(request.user, watch_id)
    outcome = services.check_page(watch, actor=request.user)
    if not outcome.ok:
        messages.error(request, _("Check failed: %(error)s") % {"error": outcome.error})
    else:
        messages.success(request, _("Changed.") if outcome.changed else _("No change."))
    return redirect("watch:page", watch.pk)


@role_required(Role.MANAGER)
@require_POST
def watch_rotate(request: HttpRequest, watch_id: int):
    watch = queries.get_watch_for_user(request.user, watch_id)
    services.rotate_feed_token(watch, actor=request.user)
    messages.success(request, _("The feed has a new address; the old one stops working."))
    return redirect("watch:page", watch.pk)


@role_required(Role.MODERATOR)
@require_GET
def watch_detail(request: HttpRequest, watch_id: int):
    watch = queries.get_watch_for_user(request.user, watch_id)
    snapshots = queries.list_snapshots(watch)
    context = {
        "watch": watch,
        "page": page_of(request, snapshots),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/page.html", context)


@role_required(Role.MODERATOR)
@require_GET
def snapshot_detail(request: HttpRequest, snapshot_id: int):
    snapshot = queries.get_snapshot_for_user(request.user, snapshot_id)
    context = {
        "snapshot": snapshot,
        "watch": snapshot.watch,
        "diff": queries.snapshot_diff(snapshot),
    }
    return render(request, "watch/snapshot.html", context)
