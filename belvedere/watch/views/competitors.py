"""Competitors: profiles, their activity, the comparison with the company."""

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.listening.queries_dashboard import period_of
from belvedere.watch import charts
from belvedere.watch.forms import CompetitorForm
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import competitors as queries
from belvedere.watch.services import competitors as services
from belvedere.watch.views import detached, form_page, page_of

PERIODS = {"30": 30, "90": 90, "365": 365}


def _period(request):
    from datetime import timedelta

    from django.utils import timezone

    days = PERIODS.get(request.GET.get("days", ""), 90)
    return period_of(timezone.localdate() - timedelta(days=days - 1), timezone.localdate()), days


@role_required(Role.MODERATOR)
@require_GET
def competitor_list(request: HttpRequest):
    period, days = _period(request)
    rows = queries.comparison(period)
    if request.GET.get("format") == "csv":
        return csv_response(
            "competitors.csv", queries.COMPETITOR_CSV, map(queries.comparison_row, rows)
        )
    context = {
        "rows": rows,
        "days": days,
        "periods": PERIODS,
        "charts": charts.comparison_charts(rows),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/competitors.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def competitor_create(request: HttpRequest):
    form = CompetitorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        competitor = services.create_competitor(actor=request.user, **form.cleaned_data)
        return redirect("watch:competitor", competitor.pk)
    return form_page(request, form, title=_("New competitor"), back=reverse("watch:competitors"))


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def competitor_edit(request: HttpRequest, competitor_id: int):
    competitor = queries.get_competitor_for_user(request.user, competitor_id)
    instance = competitor if request.method == "GET" else detached(competitor)
    form = CompetitorForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.update_competitor(competitor, actor=request.user, **form.cleaned_data)
        return redirect("watch:competitor", competitor.pk)
    delete_url = reverse("watch:competitor_delete", args=[competitor.pk])
    return form_page(request, form, title=competitor.name, obj=competitor, delete_url=delete_url)


@role_required(Role.MANAGER)
@require_POST
def competitor_delete(request: HttpRequest, competitor_id: int):
    competitor = queries.get_competitor_for_user(request.user, competitor_id)
    services.delete_competitor(competitor, actor=request.user)
    messages.success(request, _("“%(name)s” deleted.") % {"name": competitor.name})
    return redirect("watch:competitors")


@role_required(Role.MANAGER)
@require_POST
def competitor_fetch(request: HttpRequest, competitor_id: int):
    competitor = queries.get_competitor_for_user(request.user, competitor_id)
    outcome = services.fetch_activity(competitor, actor=request.user)
    for error in outcome.errors:
        messages.error(request, error)
    messages.info(request, _("%(n)s new items.") % {"n": outcome.created})
    return redirect("watch:competitor", competitor.pk)


@role_required(Role.MODERATOR)
@require_GET
def competitor_detail(request: HttpRequest, competitor_id: int):
    competitor = queries.get_competitor_for_user(request.user, competitor_id)
    period, days = _period(request)
    activity = queries.list_activity(competitor)
    if request.GET.get("format") == "csv":
        name = f"competitor-{competitor.pk}-activity.csv"
        return csv_response(name, queries.ACTIVITY_CSV, map(queries.activity_row, activity))
    figures = queries.profile_figures(competitor, period)
    context = {
        "competitor": competitor,
        "figures": figures,
        "charts": charts.profile_charts(competitor, figures),
        "page": page_of(request, activity),
        "days": days,
        "periods": PERIODS,
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/competitor.html", context)
