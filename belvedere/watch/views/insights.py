"""Overview, trends and the mentions behind them, platforms to evaluate."""

from datetime import date

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.watch.forms import PlatformForm
from belvedere.watch.models import ComplianceStatus, PlatformStatus, TrendKind
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import compliance as compliance_queries
from belvedere.watch.queries import insights as queries
from belvedere.watch.queries import pages as page_queries
from belvedere.watch.queries import terms as terms_queries
from belvedere.watch.services import trends as services
from belvedere.watch.views import detached, form_page, page_of


@role_required(Role.MODERATOR)
@require_GET
def index(request: HttpRequest):
    context = {
        "changes": terms_queries.list_changes()[:10],
        "to_review": compliance_queries.list_items(status=ComplianceStatus.REVIEW)[:10],
        "snapshots": page_queries.list_snapshots().filter(triggered=True)[:10],
        "trends": queries.list_trends()[:10],
        "digests": queries.list_digests()[:4],
    }
    return render(request, "watch/index.html", context)


def _week(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@role_required(Role.MODERATOR)
@require_GET
def trend_list(request: HttpRequest):
    week = _week(request.GET.get("week", ""))
    kind = request.GET.get("kind", "")
    trends = queries.list_trends(week=week, kind=kind if kind in TrendKind.values else "")
    if request.GET.get("format") == "csv":
        return csv_response("trends.csv", queries.TREND_CSV, map(queries.trend_row, trends))
    context = {
        "trends": [(trend, queries.inbox_url(trend)) for trend in trends],
        "weeks": queries.list_weeks(),
        "week": week or queries.latest_week(),
        "kind": kind,
        "kinds": TrendKind.choices,
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/trends.html", context)


@role_required(Role.MODERATOR)
@require_GET
def trend_mentions(request: HttpRequest, trend_id: int):
    trend = queries.get_trend_for_user(request.user, trend_id)
    context = {
        "trend": trend,
        "page": page_of(request, queries.trend_mentions(trend)),
        "inbox_url": queries.inbox_url(trend),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/trend.html", context)


@role_required(Role.MANAGER)
@require_POST
def trends_compute(request: HttpRequest):
    week = _week(request.POST.get("week", ""))
    found = services.compute_trends(week)
    messages.success(request, _("%(n)s trends found.") % {"n": len(found)})
    return redirect("watch:trends")


@role_required(Role.MODERATOR)
@require_GET
def platform_list(request: HttpRequest):
    status = request.GET.get("status", "")
    platforms = queries.list_platforms(status=status if status in PlatformStatus.values else "")
    if request.GET.get("format") == "csv":
        return csv_response(
            "platforms.csv", queries.PLATFORM_CSV, map(queries.platform_row, platforms)
        )
    context = {
        "page": page_of(request, platforms),
        "status": status,
        "statuses": PlatformStatus.choices,
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/platforms.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def platform_create(request: HttpRequest):
    initial = {"name": request.GET.get("name", "")[:120]}
    form = PlatformForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.create_platform(actor=request.user, **form.cleaned_data)
        return redirect("watch:platforms")
    return form_page(
        request, form, title=_("Platform to evaluate"), back=reverse("watch:platforms")
    )


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def platform_edit(request: HttpRequest, platform_id: int):
    platform = queries.get_platform_for_user(request.user, platform_id)
    instance = platform if request.method == "GET" else detached(platform)
    form = PlatformForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.update_platform(platform, actor=request.user, **form.cleaned_data)
        return redirect("watch:platforms")
    delete_url = reverse("watch:platform_delete", args=[platform.pk])
    return form_page(request, form, title=platform.name, obj=platform, delete_url=delete_url)


@role_required(Role.MANAGER)
@require_POST
def platform_delete(request: HttpRequest, platform_id: int):
    platform = queries.get_platform_for_user(request.user, platform_id)
    services.delete_platform(platform, actor=request.user)
    messages.success(request, _("“%(name)s” deleted.") % {"name": platform.name})
    return redirect("watch:platforms")
