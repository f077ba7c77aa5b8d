"""Traffic dashboard, realtime fragment, goals; every table exports as CSV."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.analytics import charts
from belvedere.analytics.forms import GoalForm, PeriodForm
from belvedere.analytics.models import Goal
from belvedere.analytics.queries import traffic
from belvedere.analytics.queries.periods import change
from belvedere.analytics.services.goals import create_goal, delete_goal
from belvedere.core.csv import csv_response

TABLES = {
    "page": _("Top pages"), "entry_page": _("Entry pages"), "exit_page": _("Exit pages"),
    "source": _("Sources"), "referrer": _("Referrers"), "utm_source": _("UTM sources"),
    "utm_medium": _("UTM media"), "utm_campaign": _("UTM campaigns"), "country": _("Countries"),
    "device": _("Devices"), "browser": _("Browsers"), "os": _("Operating systems"),
    "language": _("Languages"), "event": _("Custom events"),
}  # fmt: skip
COLUMNS = ["value", "visitors", "visits", "pageviews", "events", "bounce_rate", "visit_duration"]


def _csv(table: str, period):
    if table == "daily":
        rows = traffic.traffic_series(period)
        header = ["day", "visitors", "visits", "pageviews", "bounce_rate", "visit_duration"]
    elif table == "goals":
        rows = traffic.goal_conversions(period)
        header = ["goal", "kind", "target", "visitors", "events", "conversion_rate"]
    elif table in TABLES:
        rows, header = traffic.breakdown(table, period, limit=10000), COLUMNS
    else:
        raise Http404
    return csv_response(f"traffic-{table}.csv", header, ([r[h] for h in header] for r in rows))


@role_required(Role.MANAGER)
@require_GET
def traffic_page(request: HttpRequest):
    form = PeriodForm(request.GET or None)
    period = form.period()
    if request.GET.get("format") == "csv":
        return _csv(request.GET.get("table", ""), period)
    summary, before = traffic.traffic_summary(period), traffic.traffic_summary(period.previous())
    tables = [(name, label, traffic.breakdown(name, period, 10)) for name, label in TABLES.items()]
    context = {
        "form": form, "period": period, "previous": period.previous(), "summary": summary,
        "before": before, "changes": {k: change(v, before.get(k)) for k, v in summary.items()},
        "tables": tables, "goals": traffic.goal_conversions(period),
        "chart": charts.traffic_chart(traffic.traffic_series(period)),
        "realtime": traffic.realtime_visitors(), "goal_form": GoalForm(),
        "params": request.GET.urlencode(), "geoip": bool(settings.ANALYTICS_GEOIP_DB),
    }  # fmt: skip
    return render(request, "analytics/traffic.html", context)


@role_required(Role.MANAGER)
@require_GET
def realtime(request: HttpRequest):
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    context = {"realtime": traffic.realtime_visitors(),
               "hours": traffic.hourly(today, today + timedelta(days=1))}  # fmt: skip
    return render(request, "analytics/_realtime.html", context)


@role_required(Role.MANAGER)
@require_POST
def goal_create(request: HttpRequest):
    form = GoalForm(request.POST)
    if form.is_valid():
        create_goal(actor=request.user, **form.cleaned_data)
        return redirect("analytics:traffic")
    return render(request, "analytics/goal_form.html", {"form": form}, status=400)


@role_required(Role.MANAGER)
@require_POST
def goal_delete(request: HttpRequest, goal_id: int):
    delete_goal(get_object_or_404(Goal, pk=goal_id), actor=request.user)
    return redirect("analytics:traffic")
