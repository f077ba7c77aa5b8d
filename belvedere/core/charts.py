"""Server-side SVG charts: pure functions returning SVG markup, no JavaScript.

The same picture serves web pages and PDF reports. Every label is escaped; every chart has a
``<title>`` and an ``aria-label``, every mark its own ``<title>`` (a tooltip in browsers)::

    from belvedere.core.charts import bar_chart, donut_chart, line_chart, stacked_bar_chart
    line_chart(["1 Mar", "2 Mar"], [("Mentions", [3, 5])], title="Volume")
    bar_chart([("Hélios", 120), ("Nimbus", 80)], title="Share of voice")
    stacked_bar_chart(["1 Mar"], [("Positive", [3]), ("Negative", [1])], title="Sentiment")
    donut_chart([("fr", 60), ("en", 40)], title="Languages")

Colours come from ``PALETTE`` (distinguishable for the common colour blindnesses) unless a
series names its own as a third item.
"""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#0b5cad", "#d1490c", "#1a7f37", "#8250df", "#bf8700", "#b3261e", "#57606a"]
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _colour(series: Sequence, index: int) -> str:
    return series[2] if len(series) > 2 and series[2] else PALETTE[index % len(PALETTE)]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.2f}"


def _svg(title: str, width: int, height: int, body: str, css: str) -> SafeString:
    label = escape(title)
    return mark_safe(  # noqa: S308 - every text inside is escaped by the callers
        f'<svg class="chart {css}" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
        f"{body}</svg>"
    )


def _empty(title: str, width: int, height: int, css: str, message: str) -> SafeString:
    text = f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" {FONT}>'
    return _svg(title, width, height, f"{text}{escape(message)}</text>", css)


def _legend(series: Sequence[Sequence], y: int) -> str:
    parts, x = [], 0
    for index, item in enumerate(series):
        name = escape(item[0])
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{_colour(item, index)}"/>'
            f'<text x="{x + 14}" y="{y}" {FONT}>{name}</text>'
        )
        x += 24 + 7 * len(str(item[0]))
    return "".join(parts)


def line_chart(
    labels: Sequence[str],
    series: Sequence[Sequence],
    *,
    title: str,
    width: int = 640,
    height: int = 220,
    empty: str = "No data",
) -> SafeString:
    """One polyline per ``(name, values[, colour])``; x positions are ``labels``."""
    if not labels or not any(any(values) for _name, values, *_ in series):
        return _empty(title, width, height, "line-chart", empty)
    top = max(max(values, default=0) for _name, values, *_ in series) or 1
    left, right, plot_top, bottom = 44, width - 8, 8, height - 40
    step = (right - left) / max(1, len(labels) - 1)

    def point(i: int, value: float) -> tuple[float, float]:
        return left + i * step, bottom - (bottom - plot_top) * value / top

    marks = [
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#afb8c1"/>',
        f'<text x="{left - 4}" y="{plot_top + 8}" text-anchor="end" {FONT}>{_number(top)}</text>',
        f'<text x="{left - 4}" y="{bottom}" text-anchor="end" {FONT}>0</text>',
        f'<text x="{left}" y="{bottom + 14}" {FONT}>{escape(labels[0])}</text>',
        f'<text x="{right}" y="{bottom + 14}" text-anchor="end" {FONT}>{escape(labels[-1])}</text>',
    ]
    for index, item in enumerate(series):
        name, values, colour = item[0], item[1], _colour(item, index)
        coords = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values))
        )
        marks.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2">'
            f"<title>{escape(name)}</title></polyline>"
        )
        for i, value in enumerate(values):
            x, y = point(i, value)
            tip = escape(f"{name} — {labels[i]}: {_number(value)}")
            marks.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="{colour}">'
                f"<title>{tip}</title></circle>"
            )
    marks.append(_legend(series, height - 6))
    return _svg(title, width, height, "".join(marks), "line-chart")


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    width: int = 640,
    bar_height: int = 18,
    unit: str = "",
    empty: str = "No data",
) -> SafeString:
    """Horizontal bars, one per ``(label, value)``, longest = largest value."""
    if not items:
        return _empty(title, width, 40, "bar-chart", empty)
    top = max(value for _label, value in items) or 1
    label_width, gap = 160, 6
    height = len(items) * (bar_height + gap)
    marks = []
    for index, (label, value) in enumerate(items):
        y = index * (bar_height + gap)
        length = max(0.0, (width - label_width - 70) * value / top)
        text = escape(f"{label}: {_number(value)}{unit}")
        marks.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 5}" text-anchor="end" {FONT}>'
            f"{escape(str(label)[:28])}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{PALETTE[index % len(PALETTE)]}"><title>{text}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 5}" {FONT}>'
            f"{escape(_number(value) + unit)}</text>"
        )
    return _svg(title, width, height, "".join(marks), "bar-chart")


def stacked_bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence],
    *,
    title: str,
    width: int = 640,
    height: int = 220,
    empty: str = "No data",
) -> SafeString:
    """Vertical bars per label, stacking each ``(name, values[, colour])`` in order."""
    totals = [sum(item[1][i] for item in series) for i in range(len(labels))]
    if not labels or not any(totals):
        return _empty(title, width, height, "stacked-chart", empty)
    top, left, bottom = max(totals), 44, height - 40
    slot = (width - left - 8) / len(labels)
    marks = [
        f'<text x="{left - 4}" y="16" text-anchor="end" {FONT}>{_number(top)}</text>',
        f'<text x="{left}" y="{bottom + 14}" {FONT}>{escape(labels[0])}</text>',
        f'<text x="{width - 8}" y="{bottom + 14}" text-anchor="end" {FONT}>'
        f"{escape(labels[-1])}</text>",
    ]
    for i, label in enumerate(labels):
        y = float(bottom)
        for index, item in enumerate(series):
            value = item[1][i]
            size = (bottom - 8) * value / top
            y -= size
            tip = escape(f"{label} — {item[0]}: {_number(value)}")
            marks.append(
                f'<rect x="{left + i * slot:.1f}" y="{y:.1f}" width="{max(1.0, slot - 1):.1f}" '
                f'height="{size:.1f}" fill="{_colour(item, index)}"><title>{tip}</title></rect>'
            )
    marks.append(_legend(series, height - 6))
    return _svg(title, width, height, "".join(marks), "stacked-chart")


def donut_chart(
    items: Sequence[Sequence], *, title: str, size: int = 180, empty: str = "No data"
) -> SafeString:
    """A ring of ``(label, value[, colour])`` slices with a legend beside it."""
    total = sum(item[1] for item in items)
    width = size + 200
    if not total:
        return _empty(title, width, size, "donut-chart", empty)
    centre, radius = size / 2, size / 2 - 16
    circumference = 2 * math.pi * radius
    marks, offset = [], 0.0
    for index, item in enumerate(items):
        share = item[1] / total
        dash = circumference * share
        tip = escape(f"{item[0]}: {_number(item[1])} ({share:.0%})")
        marks.append(
            f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke-width="28" '
            f'stroke="{_colour(item, index)}" '
            f'stroke-dasharray="{dash:.2f} {circumference - dash:.2f}" '
            f'stroke-dashoffset="{-offset:.2f}" transform="rotate(-90 {centre} {centre})">'
            f"<title>{tip}</title></circle>"
        )
        offset += dash
        y = 16 + index * 18
        marks.append(
            f'<rect x="{size + 10}" y="{y - 9}" width="10" height="10" '
            f'fill="{_colour(item, index)}"/>'
            f'<text x="{size + 24}" y="{y}" {FONT}>{escape(str(item[0])[:24])} · {share:.0%}</text>'
        )
    return _svg(title, width, max(size, 18 * len(items) + 16), "".join(marks), "donut-chart")
