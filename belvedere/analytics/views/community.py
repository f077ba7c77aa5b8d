"""Community health and content indicators (satisfaction from content)."""

from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.analytics import charts
from belvedere.analytics.forms import PeriodForm
from belvedere.analytics.queries import community, content, levels, surveys
from belvedere.core.csv import csv_response

CSV = {
    "categories": ["category", "topics", "answered", "answered_share", "first_reply_hours"],
    "contributors": ["name", "posts", "topics"],
    "actions": ["action", "count", "previous"],
    "levels": ["day", *levels.LEVELS],
    "cohorts": ["cohort", "size", *[f"M{k}" for k in range(6)]],
}
SATISFACTION_CSV = {
    "indicators": ["key", "label", "value", "previous", "change", "change_unit", "unit", "source"],
    "sentiment": ["day", "posts", "post_net", "post_positive", "post_negative", "mentions",
                  "mention_net", "mention_positive", "mention_negative"],
}  # fmt: skip


def _indicators(period) -> list[dict]:
    previous = period.previous()
    rows = []
    for metric in content_indicators():
        value, before = metric.compute(period), metric.compute(previous)
        rows.append({"key": metric.key, "label": metric.label, "unit": metric.unit,
                     "source": metric.source, "value": value, "previous": before,
                     "change": metric.change(value, before),
                     "change_unit": metric.change_unit})  # fmt: skip
    return rows


def content_indicators():
    from belvedere.analytics.metrics import METRICS

    keys = ["satisfaction.nps", "satisfaction.csat", "content.post_sentiment",
            "content.mention_sentiment", "content.negative_mentions", "content.complaints",
            "content.flags", "community.unanswered"]  # fmt: skip
    return [METRICS[k] for k in keys]


@role_required(Role.MANAGER)
@require_GET
def community_page(request: HttpRequest):
    period = PeriodForm(request.GET or None).period()
    actions, before = community.member_actions(period), community.member_actions(period.previous())
    data = {
        "categories": community.questions_by_category(period),
        "contributors": community.top_contributors(period),
        "actions": [{"action": k, "label": charts.ACTION_LABELS.get(k, k), "count": v,
                     "previous": before[k]} for k, v in actions.items()],
        "levels": levels.engagement_levels(period),
        "cohorts": [{**row, **{f"M{k}": share for k, share in enumerate(row["retention"])}}
                    for row in community.retention_cohorts(period)],
    }  # fmt: skip
    if request.GET.get("format") == "csv":
        table = request.GET.get("table", "")
        if table not in CSV:
            raise Http404
        rows = ([row.get(c) for c in CSV[table]] for row in data[table])
        return csv_response(f"community-{table}.csv", CSV[table], rows)
    series = community.actions_series(period)
    context = {"form": PeriodForm(request.GET or None), "period": period, **data,
               "questions": community.questions(period),
               "windows": community.active_windows(period),
               "new_returning": community.new_and_returning(period),
               "params": request.GET.urlencode(),
               "chart": charts.actions_chart(period.each_day(), series),
               "levels_chart": charts.levels_chart(data["levels"])}  # fmt: skip
    return render(request, "analytics/community.html", context)


@role_required(Role.MANAGER)
@require_GET
def satisfaction_page(request: HttpRequest):
    period = PeriodForm(request.GET or None).period()
    data = {"indicators": _indicators(period), "sentiment": content.sentiment_series(period)}
    if request.GET.get("format") == "csv":
        table = request.GET.get("table", "")
        if table not in SATISFACTION_CSV:
            raise Http404
        columns = SATISFACTION_CSV[table]
        rows = ([str(row[c]) if c in ("label", "source") else row[c] for c in columns]
                for row in data[table])  # fmt: skip
        return csv_response(f"satisfaction-{table}.csv", columns, rows)
    context = {"form": PeriodForm(request.GET or None), "period": period, **data,
               "params": request.GET.urlencode(), "surveys": surveys.list_surveys()[:20],
               "sentiment_chart": charts.sentiment_chart(data["sentiment"]),
               "mentions": content.mention_sentiment(period)}  # fmt: skip
    return render(request, "analytics/satisfaction.html", context)
