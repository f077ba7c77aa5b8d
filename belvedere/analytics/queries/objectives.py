"""Objective reads: current KPI values, progress, and their history."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from belvedere.analytics.metrics import METRICS
from belvedere.analytics.models import KPI, Objective
from belvedere.analytics.services.objectives import kpi_value


def list_objectives():
    return Objective.objects.prefetch_related("kpis__snapshots").order_by("deadline", "id")


def get_objective(objective_id: int) -> Objective:
    return get_object_or_404(list_objectives(), pk=objective_id)


def kpi_status(kpi: KPI, today=None) -> dict:
    today = today or timezone.now().date()
    value = kpi_value(kpi, today)
    metric = METRICS.get(kpi.metric)
    history = [(s.day, s.value) for s in kpi.snapshots.all()]
    return {
        "kpi": kpi,
        "label": metric.label if metric else kpi.metric,
        "unit": metric.unit if metric else "",
        "value": value,
        "progress": kpi.progress(value),
        "reached": kpi.progress(value) == 100.0,
        "history": history,
    }


def objective_status(objective: Objective) -> dict:
    kpis = [kpi_status(kpi) for kpi in objective.kpis.all()]
    done = [k["progress"] for k in kpis if k["progress"] is not None]
    return {
        "objective": objective,
        "kpis": kpis,
        "progress": round(sum(done) / len(done), 1) if done else None,
        "days_left": (objective.deadline - timezone.now().date()).days,
    }
