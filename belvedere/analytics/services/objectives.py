"""Objective writes: create objectives and KPIs, snapshot KPI values (daily task)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.analytics.metrics import METRICS, measure
from belvedere.analytics.models import KPI, KpiSnapshot, Objective
from belvedere.analytics.queries.periods import Period


def create_objective(*, actor, name: str, kind: str, deadline: date, description="") -> Objective:
    objective = Objective.objects.create(
        name=name, kind=kind, deadline=deadline, description=description, created_by=actor
    )
    record(actor, "analytics.objective.create", objective, staff=True, kind=kind)
    return objective


def add_kpi(objective: Objective, *, actor, metric: str, target: float, baseline: float = 0,
            window_days: int = 30) -> KPI:  # fmt: skip
    if metric not in METRICS:
        raise ValidationError({"metric": _("Unknown metric.")})
    kpi = KPI.objects.create(
        objective=objective, metric=metric, target=target, baseline=baseline,
        window_days=max(1, min(window_days, 366)),
    )  # fmt: skip
    record(actor, "analytics.kpi.create", objective, staff=True, metric=metric, value=target)
    return kpi


def delete_objective(objective: Objective, *, actor) -> None:
    record(actor, "analytics.objective.delete", objective, staff=True, name=objective.name)
    objective.delete()


def kpi_value(kpi: KPI, day: date) -> float | None:
    return measure(kpi.metric, Period(day - timedelta(days=kpi.window_days - 1), day))


def snapshot_kpis(day: date | None = None) -> int:
    """Measure every KPI of objectives not yet past their deadline; one row per KPI and day."""
    day = day or timezone.now().date()
    kpis = KPI.objects.filter(objective__deadline__gte=day - timedelta(days=1))
    count = 0
    with transaction.atomic():
        for kpi in kpis.select_related("objective"):
            KpiSnapshot.objects.update_or_create(
                kpi=kpi, day=day, defaults={"value": kpi_value(kpi, day)}
            )
            count += 1
    return count
