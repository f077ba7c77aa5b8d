"""Alerts: list, create, edit, delete, check now, and the history of each."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.listening.forms_alerts import AlertForm
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries_alerts import (
    EVENT_CSV_COLUMNS,
    event_row,
    get_alert_for_user,
    list_alerts,
    list_events,
)
from belvedere.listening.services import alerts as services
from belvedere.listening.services.alert_checks import evaluate_alert


@role_required(Role.MODERATOR)
@require_GET
def alert_list(request: HttpRequest):
    events = list_events()
    if request.GET.get("format") == "csv":
        return csv_response("alert-events.csv", EVENT_CSV_COLUMNS, map(event_row, events))
    context = {
        "alerts": list_alerts(),
        "events": events[:20],
        "can_manage": can_manage_listening(request.user),
    }
    return render(request, "listening/alerts.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def alert_create(request: HttpRequest):
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        alert = services.create_alert(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Alert “%(name)s” saved.") % {"name": alert.name})
        return redirect("listening:alert_detail", alert.pk)
    context = {"form": form}
    return render(
        request, "listening/alert_form.html", context, status=400 if form.is_bound else 200
    )


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def alert_edit(request: HttpRequest, alert_id: int):
    alert = get_alert_for_user(request.user, alert_id)
    form = AlertForm(request.POST or None, instance=None if request.method == "POST" else alert)
    if request.method == "POST" and form.is_valid():
        services.update_alert(alert, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Alert saved."))
        return redirect("listening:alert_detail", alert.pk)
    context = {"form": form, "alert": alert}
    return render(
        request, "listening/alert_form.html", context, status=400 if form.is_bound else 200
    )


@role_required(Role.MODERATOR)
@require_GET
def alert_detail(request: HttpRequest, alert_id: int):
    alert = get_alert_for_user(request.user, alert_id)
    events = list_events(alert)
    if request.GET.get("format") == "csv":
        return csv_response(f"alert-{alert.pk}.csv", EVENT_CSV_COLUMNS, map(event_row, events))
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    context = {"alert": alert, "page": page, "can_manage": can_manage_listening(request.user)}
    return render(request, "listening/alert_detail.html", context)


@role_required(Role.MANAGER)
@require_POST
def alert_check(request: HttpRequest, alert_id: int):
    alert = get_alert_for_user(request.user, alert_id)
    check(can_manage_listening(request.user))
    event = evaluate_alert(alert)
    if event is None:
        messages.info(request, _("Checked: nothing to report (or cooling down)."))
    else:
        messages.success(request, _("The alert fired: %(summary)s") % {"summary": event.summary})
    return redirect("listening:alert_detail", alert.pk)


@role_required(Role.MANAGER)
@require_POST
def alert_delete(request: HttpRequest, alert_id: int):
    alert = get_alert_for_user(request.user, alert_id)
    services.delete_alert(alert, actor=request.user)
    messages.success(request, _("Alert deleted."))
    return redirect("listening:alerts")
