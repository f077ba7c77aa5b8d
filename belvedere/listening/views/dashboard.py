"""The listening dashboard: charts, tables, comparison with the period before, CSV."""

from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.listening.dashboard_charts import dashboard_charts
from belvedere.listening.forms_insights import DashboardForm
from belvedere.listening.queries_dashboard import TABLES, dashboard, period_of, table_rows


@role_required(Role.MODERATOR)
@require_GET
def dashboard_page(request: HttpRequest):
    form = DashboardForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = data.get("query")
    figures = dashboard(
        period_of(data.get("since"), data.get("until")), query.pk if query else None
    )
    table = request.GET.get("table", "")
    if request.GET.get("format") == "csv":
        if table not in TABLES:
            raise Http404
        return csv_response(f"listening-{table}.csv", TABLES[table], table_rows(figures, table))
    params = request.GET.copy()
    params.pop("format", None)
    params.pop("table", None)
    context = {
        "form": form,
        "figures": figures,
        "charts": dashboard_charts(figures),
        "params": params.urlencode(),
    }
    return render(request, "listening/dashboard.html", context)
