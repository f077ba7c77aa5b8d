"""SVG charts of the analytics pages and reports (built on belvedere.core.charts)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from belvedere.core.charts import bar_chart, donut_chart, line_chart


def _label(day) -> str:
    return day.strftime("%d %b") if hasattr(day, "strftime") else str(day)[5:]


def traffic_chart(series: list[dict]):
    labels = [_label(row["day"]) for row in series]
    return line_chart(
        labels,
        [
            (_("Visitors"), [row["visitors"] for row in series]),
            (_("Page views"), [row["pageviews"] for row in series]),
        ],  # fmt: skip
        title=_("Visitors and page views per day"),
        empty=_("No data"),
    )


# Members' actions (analytics.queries.community.ACTIONS) in words.
ACTION_LABELS = {
    "posts": gettext_lazy("Posts"), "topics": gettext_lazy("Topics"),
    "reactions": gettext_lazy("Reactions"), "signups": gettext_lazy("Sign-ups"),
    "logins": gettext_lazy("Logins"), "searches": gettext_lazy("Searches"),
    "survey_answers": gettext_lazy("Survey answers"),
}  # fmt: skip


def actions_chart(days: list, series: dict[str, list[int]]):
    labels = [_label(day) for day in days]
    wanted = [(key, label) for key, label in ACTION_LABELS.items() if key != "survey_answers"]
    return line_chart(
        labels, [(str(label), series.get(key, [])) for key, label in wanted],
        title=_("Member actions per day"), empty=_("No data"),
    )  # fmt: skip


def levels_chart(rows: list[dict]):
    """People at each level above observer, at each measured day."""
    wanted = [("participant", _("Participants")), ("contributor", _("Contributors")),
              ("champion", _("Champions"))]  # fmt: skip
    return line_chart(
        [_label(row["day"]) for row in rows],
        [(label, [row.get(key, 0) for row in rows]) for key, label in wanted],
        title=_("Engagement levels over time"), empty=_("No data"),
    )  # fmt: skip


def sentiment_chart(rows: list[dict]):
    """% positive and % negative of forum posts and of brand mentions, per bucket."""
    wanted = [("post_positive", _("Posts: positive"), "#1a7f37"),
              ("post_negative", _("Posts: negative"), "#b3261e"),
              ("mention_positive", _("Mentions: positive"), "#4ac26b"),
              ("mention_negative", _("Mentions: negative"), "#ff8182")]  # fmt: skip
    return line_chart(
        [_label(row["day"]) for row in rows],
        [(label, [row.get(key) or 0 for row in rows], colour) for key, label, colour in wanted],
        title=_("Sentiment over time (%)"), empty=_("No data"),
    )  # fmt: skip


def breakdown_chart(rows: list[dict], title: str, field: str = "visitors"):
    return bar_chart(
        [(row["value"] or "—", row.get(field) or 0) for row in rows[:10]],
        title=title, empty=_("No data"),
    )  # fmt: skip


def nps_chart(row: dict):
    return donut_chart(
        [
            (_("Promoters"), row.get("promoters", 0), "#1a7f37"),
            (_("Passives"), row.get("passives", 0), "#bf8700"),
            (_("Detractors"), row.get("detractors", 0), "#b3261e"),
        ],  # fmt: skip
        title=_("NPS answers"),
    )


def distribution_chart(row: dict):
    return bar_chart(row.get("distribution", []), title=str(row["question"]), empty=_("No data"))


def kpi_chart(status: dict):
    history = status["history"]
    return line_chart(
        [_label(day) for day, _value in history],
        [(status["label"], [value or 0 for _day, value in history]),
         (_("Target"), [status["kpi"].target] * len(history), "#57606a")],  # fmt: skip
        title=str(status["label"]), empty=_("No data"),
    )  # fmt: skip
