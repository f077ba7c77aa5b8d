"""The SVG charts of the listening dashboard, drawn from its figures."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from belvedere.core.charts import bar_chart, donut_chart, line_chart

SENTIMENT_COLOURS = {"positive": "#1a7f37", "neutral": "#8c959f", "negative": "#b3261e"}


def dashboard_charts(figures: dict) -> dict:
    labels = [date_format(day, "SHORT_DATE_FORMAT") for day, _n in figures["volume"]]
    series = [(_("This period"), [n for _day, n in figures["volume"]])]
    if figures["volume_previous"]:
        series.append(
            (_("Previous period"), [n for _d, n in figures["volume_previous"]], "#afb8c1")
        )
    names = {"positive": _("Positive"), "neutral": _("Neutral"), "negative": _("Negative")}
    sentiment = [
        (names[key], figures["sentiment"][key], colour) for key, colour in SENTIMENT_COLOURS.items()
    ]
    empty = _("No data")
    return {
        "volume": line_chart(labels, series, title=_("Mentions per day"), empty=empty),
        "sentiment": donut_chart(sentiment, title=_("Sentiment"), empty=empty),
        "share_of_voice": donut_chart(
            [(row["name"], row["mentions"]) for row in figures["share_of_voice"]],
            title=_("Share of voice"),
            empty=empty,
        ),
        "languages": bar_chart(
            [(row["language"] or "?", row["mentions"]) for row in figures["languages"]],
            title=_("Languages"),
            empty=empty,
        ),
    }
