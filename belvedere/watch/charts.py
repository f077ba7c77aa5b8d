"""SVG charts of the competitor pages, drawn by core.charts (the same in web and PDF)."""

from django.utils.translation import gettext as _

from belvedere.core.charts import bar_chart, line_chart, stacked_bar_chart

SENTIMENT_COLOURS = {"positive": "#1a7f37", "neutral": "#57606a", "negative": "#b3261e"}


def comparison_charts(rows: list[dict]) -> dict:
    names = [row["name"] for row in rows]
    weekly = [row["weekly"] for row in rows]
    labels = [cell["week"].strftime("%d %b") for cell in weekly[0]] if weekly and weekly[0] else []
    return {
        "share": bar_chart(
            [(row["name"], row["share"]) for row in rows], title=_("Share of voice (%)")
        ),
        "sentiment": stacked_bar_chart(
            names,
            [
                (_("Positive"), [row["positive"] for row in rows], SENTIMENT_COLOURS["positive"]),
                (_("Negative"), [row["negative"] for row in rows], SENTIMENT_COLOURS["negative"]),
            ],
            title=_("Positive and negative mentions (%)"),
        ),
        "activity": line_chart(
            labels,
            [
                (row["name"], [cell["posts"] + cell["events"] for cell in row["weekly"]])
                for row in rows
            ],
            title=_("Posts per week in their public feeds"),
        ),
    }


def profile_charts(competitor, figures: dict) -> dict:
    volume = figures["volume"]
    activity = figures["activity"]
    return {
        "volume": line_chart(
            [day.strftime("%d %b") for day, _n in volume],
            [(_("Mentions"), [n for _day, n in volume])],
            title=_("Mentions per day"),
        ),
        "activity": stacked_bar_chart(
            [cell["week"].strftime("%d %b") for cell in activity],
            [
                (_("Posts"), [cell["posts"] for cell in activity]),
                (_("Events"), [cell["events"] for cell in activity]),
            ],
            title=_("Their posts and events per week"),
        ),
    }
