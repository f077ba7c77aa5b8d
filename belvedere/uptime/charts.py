"""Server-side SVG: uptime bars, a response-time line and status badges (no JavaScript)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

GREEN, YELLOW, ORANGE, RED, GREY, BLUE = (
    "#1a7f37",
    "#bf8700",
    "#d1490c",
    "#b3261e",
    "#afb8c1",
    "#0b5cad",
)
STATUS_COLOURS = {
    "operational": GREEN,
    "degraded_performance": YELLOW,
    "partial_outage": ORANGE,
    "major_outage": RED,
    "under_maintenance": BLUE,
}


def bar_colour(percent: float | None) -> str:
    if percent is None:
        return GREY
    if percent >= 99.9:
        return GREEN
    if percent >= 99:
        return YELLOW
    return ORANGE if percent >= 95 else RED


def uptime_bars(bars, *, width: int = 3, gap: int = 1, height: int = 28) -> SafeString:
    """One rectangle per day, coloured by uptime, each with a <title> tooltip."""
    rects = []
    for index, bar in enumerate(bars):
        label = (
            _("%(day)s: %(pct)s %% uptime")
            % {"day": bar.day.isoformat(), "pct": f"{bar.percent:g}"}
            if bar.percent is not None
            else _("%(day)s: no data") % {"day": bar.day.isoformat()}
        )
        rects.append(
            f'<rect x="{index * (width + gap)}" y="0" width="{width}" height="{height}" rx="1" '
            f'fill="{bar_colour(bar.percent)}"><title>{escape(label)}</title></rect>'
        )
    total = max(1, len(bars) * (width + gap) - gap)
    return mark_safe(  # noqa: S308 - every text inside is escaped above
        f'<svg class="uptime-bars" viewBox="0 0 {total} {height}" preserveAspectRatio="none" '
        f'role="img" aria-label="{escape(_("Daily uptime"))}">{"".join(rects)}</svg>'
    )


def line_chart(points, *, unit: str = "ms", width: int = 600, height: int = 120) -> SafeString:
    """A polyline of (datetime, value) points with min/max labels; empty text when no data."""
    if len(points) < 2:
        return mark_safe(f'<p class="muted">{escape(_("Not enough data yet."))}</p>')  # noqa: S308
    values = [value for _at, value in points]
    top = max(values) * 1.1 or 1
    step = (width - 40) / (len(points) - 1)
    coords = " ".join(
        f"{40 + i * step:.1f},{height - 15 - (value / top) * (height - 25):.1f}"
        for i, (_at, value) in enumerate(points)
    )
    first, last = points[0][0], points[-1][0]
    label = _("Response time (%(unit)s)") % {"unit": unit}
    return mark_safe(  # noqa: S308 - numbers and escaped labels only
        f'<svg class="line-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
        f'<line x1="40" y1="{height - 15}" x2="{width}" y2="{height - 15}" stroke="{GREY}"/>'
        f'<text x="0" y="12" font-size="10">{top / 1.1:.0f} {escape(unit)}</text>'
        f'<text x="0" y="{height - 15}" font-size="10">0</text>'
        f'<text x="40" y="{height - 2}" font-size="10">{first:%H:%M}</text>'
        f'<text x="{width - 30}" y="{height - 2}" font-size="10">{last:%H:%M}</text>'
        f'<polyline fill="none" stroke="{BLUE}" stroke-width="2" points="{coords}"/></svg>'
    )


def badge(label: str, message: str, colour: str) -> str:
    """A shields.io-like flat badge."""
    left, right = 6 * len(label) + 12, 6 * len(message) + 12
    label, message = escape(label), escape(message)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + right}" height="20" role="img" '
        f'aria-label="{label}: {message}"><title>{label}: {message}</title>'
        f'<rect width="{left}" height="20" fill="#555"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
        f'<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="6" y="14">{label}</text><text x="{left + 6}" y="14">{message}</text></g></svg>'
    )
