"""/api/v1/analytics: every metric and table of the dashboards, for managers."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Query, Router, Schema

from belvedere.analytics.metrics import METRICS
from belvedere.analytics.models import Report
from belvedere.analytics.permissions import can_view_analytics
from belvedere.analytics.queries import community, content, levels, traffic
from belvedere.analytics.queries.objectives import list_objectives, objective_status
from belvedere.analytics.queries.periods import period_of
from belvedere.analytics.services.rollup import DIMENSIONS

router = Router()


class PeriodIn(Schema):
    since: date | None = None
    until: date | None = None


def _gate(request):
    if not can_view_analytics(request.auth):
        raise PermissionDenied


def _period(filters: PeriodIn):
    return period_of(filters.since, filters.until)


@router.get("/metrics", response=list[dict], summary="The metric registry")
def metric_list(request):
    _gate(request)
    return [{"key": m.key, "label": str(m.label), "unit": m.unit, "source": str(m.source),
             "higher_is_better": m.higher_is_better} for m in METRICS.values()]  # fmt: skip


@router.get("/metrics/{key}", response=dict, summary="One metric, with the previous period")
def metric_value(request, key: str, filters: Query[PeriodIn]):
    _gate(request)
    if key not in METRICS:
        raise Http404
    period = _period(filters)
    metric = METRICS[key]
    value, before = metric.compute(period), metric.compute(period.previous())
    return {"key": key, "since": period.first, "until": period.last, "value": value,
            "previous": before, "change": metric.change(value, before),
            "change_unit": metric.change_unit}  # fmt: skip


@router.get("/traffic", response=dict, summary="Traffic summary and daily series")
def traffic_figures(request, filters: Query[PeriodIn]):
    _gate(request)
    period = _period(filters)
    series = traffic.traffic_series(period)
    return {"summary": traffic.traffic_summary(period),
            "previous": traffic.traffic_summary(period.previous()),
            "series": series, "realtime": traffic.realtime_visitors()}  # fmt: skip


@router.get("/traffic/{dimension}", response=list[dict], summary="Top values of a dimension")
def traffic_breakdown(request, dimension: str, filters: Query[PeriodIn], limit: int = 50):
    _gate(request)
    if dimension == "goals":
        return traffic.goal_conversions(_period(filters))
    if dimension not in DIMENSIONS:
        raise Http404
    return traffic.breakdown(dimension, _period(filters), limit=max(1, min(limit, 1000)))


@router.get("/community", response=dict, summary="Community health")
def community_figures(request, filters: Query[PeriodIn]):
    _gate(request)
    period = _period(filters)
    return {"actions": community.member_actions(period),
            "active": community.active_windows(period),
            "new_and_returning": community.new_and_returning(period),
            "questions": community.questions(period),
            "categories": community.questions_by_category(period),
            "contributors": community.top_contributors(period),
            "cohorts": community.retention_cohorts(period),
            "levels": levels.engagement_levels(period)}  # fmt: skip


@router.get("/satisfaction", response=dict, summary="Survey and content indicators")
def satisfaction_figures(request, filters: Query[PeriodIn]):
    _gate(request)
    period = _period(filters)
    keys = [k for k in METRICS if k.startswith(("satisfaction.", "content."))]
    return {"indicators": {k: METRICS[k].compute(period) for k in keys},
            "mentions": content.mention_sentiment(period),
            "sentiment": content.sentiment_series(period)}  # fmt: skip


@router.get("/objectives", response=list[dict], summary="Objectives with KPI progress")
def objectives(request):
    _gate(request)
    rows = []
    for status in map(objective_status, list_objectives()):
        o = status["objective"]
        rows.append({"id": o.pk, "name": o.name, "kind": o.kind, "deadline": o.deadline,
                     "progress": status["progress"],
                     "kpis": [{"metric": k["kpi"].metric, "value": k["value"],
                               "target": k["kpi"].target, "progress": k["progress"]}
                              for k in status["kpis"]]})  # fmt: skip
    return rows


@router.get("/reports", response=list[dict], summary="Archived reports")
def reports(request):
    _gate(request)
    rows = Report.objects.values("id", "kind", "title", "start", "end", "created_at",
                                 "recommendations")[:100]  # fmt: skip
    return list(rows)
