"""Objectives with their KPIs: list, create, detail with progress over time."""

from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.analytics import charts
from belvedere.analytics.forms import KpiForm, ObjectiveForm
from belvedere.analytics.queries.objectives import get_objective, list_objectives, objective_status
from belvedere.analytics.services import objectives as service


@role_required(Role.MANAGER)
@require_GET
def objective_list(request: HttpRequest):
    statuses = [objective_status(o) for o in list_objectives()]
    return render(request, "analytics/objectives.html", {"statuses": statuses})


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def objective_create(request: HttpRequest):
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        objective = service.create_objective(actor=request.user, **form.cleaned_data)
        return redirect("analytics:objective", objective.pk)
    return render(request, "analytics/objective_form.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


@role_required(Role.MANAGER)
@require_GET
def objective_detail(request: HttpRequest, objective_id: int):
    status = objective_status(get_objective(objective_id))
    for kpi in status["kpis"]:
        kpi["chart"] = charts.kpi_chart(kpi)
    return render(request, "analytics/objective.html", {"status": status, "form": KpiForm()})


@role_required(Role.MANAGER)
@require_POST
def kpi_create(request: HttpRequest, objective_id: int):
    objective = get_objective(objective_id)
    form = KpiForm(request.POST)
    if form.is_valid():
        service.add_kpi(objective, actor=request.user, **form.cleaned_data)
        return redirect("analytics:objective", objective.pk)
    status = objective_status(objective)
    return render(request, "analytics/objective.html", {"status": status, "form": form},
                  status=400)  # fmt: skip


@role_required(Role.MANAGER)
@require_POST
def objective_delete(request: HttpRequest, objective_id: int):
    service.delete_objective(get_objective(objective_id), actor=request.user)
    return redirect("analytics:objectives")
