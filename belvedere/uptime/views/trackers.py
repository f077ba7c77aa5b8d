"""Managers' pages for trackers: list, create, edit, test, new webhook secret, delete.

Tokens are never sent back to the browser; the webhook secret is shown once, when it is made.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.accounts.decorators import role_required
from belvedere.uptime.forms import TrackerForm
from belvedere.uptime.models import Tracker
from belvedere.uptime.services import trackers as services

MANAGER = "manager"


def _list(request: HttpRequest, *, revealed=None, status: int = 200):
    context = {"trackers": Tracker.objects.all(), "revealed": revealed}
    return render(request, "uptime/trackers.html", context, status=status)


def _revealed(request: HttpRequest, tracker: Tracker, secret: str) -> dict:
    path = reverse("uptime:tracker_webhook", args=[tracker.pk])
    return {"tracker": tracker, "secret": secret, "url": request.build_absolute_uri(path)}


@role_required(MANAGER)
def tracker_list(request: HttpRequest):
    return _list(request)


@role_required(MANAGER)
def tracker_new(request: HttpRequest):
    form = TrackerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        tracker = services.create_tracker(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Tracker created."))
        return _list(request, revealed=_revealed(request, tracker, tracker.webhook_secret))
    status = 400 if form.is_bound else 200
    return render(request, "uptime/tracker_form.html", {"form": form}, status=status)


@role_required(MANAGER)
def tracker_edit(request: HttpRequest, tracker_id: int):
    tracker = get_object_or_404(Tracker, pk=tracker_id)
    form = TrackerForm(request.POST or None, instance=tracker)
    if request.method == "POST" and form.is_valid():
        tracker.refresh_from_db()  # the form wrote into the instance
        services.update_tracker(tracker, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Tracker saved."))
        return redirect("uptime:trackers")
    context = {"form": form, "tracker": tracker}
    return render(request, "uptime/tracker_form.html", context, status=400 if form.errors else 200)


@require_POST
@role_required(MANAGER)
def tracker_action(request: HttpRequest, tracker_id: int):
    tracker = get_object_or_404(Tracker, pk=tracker_id)
    action = request.POST.get("action")
    if action == "test":
        ok, detail = services.check_tracker(tracker, actor=request.user)
        if ok:
            messages.success(request, _("The tracker answered: %(detail)s") % {"detail": detail})
        else:
            messages.error(request, _("The test failed: %(detail)s") % {"detail": detail})
    elif action == "secret":
        secret = services.rotate_webhook_secret(tracker, actor=request.user)
        return _list(request, revealed=_revealed(request, tracker, secret))
    elif action == "delete":
        services.delete_tracker(tracker, actor=request.user)
        messages.success(request, _("Tracker deleted."))
    else:
        messages.error(request, _("Unknown action."))
    return redirect("uptime:trackers")
