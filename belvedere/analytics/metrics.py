"""The metric registry: a name bound to a function of a period that returns a number.

KPIs, reports, recommendations and the API read metrics by name::

    from belvedere.analytics.metrics import METRICS, measure
    measure("traffic.visitors", period)  # → 1234 (or None when there is nothing to measure)
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from belvedere.analytics.queries import community, content, levels, surveys, traffic
from belvedere.analytics.queries.periods import Period, change

# Scores that can be negative or are already shares: their trend is a difference in points.
SCORES = frozenset({"satisfaction.nps", "content.post_sentiment", "content.mention_sentiment"})


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    compute: Callable[[Period], float | None]
    higher_is_better: bool = True
    source: str = ""

    @property
    def in_points(self) -> bool:
        return self.unit == "%" or self.key in SCORES

    @property
    def change_unit(self) -> str:
        """``pts`` (a difference in points) or ``%`` (relative change)."""
        return "pts" if self.in_points else "%"

    def change(self, value: float | None, previous: float | None) -> float | None:
        """The trend from ``previous`` to ``value``, in ``change_unit``."""
        if not self.in_points:
            return change(value, previous)
        return None if value is None or previous is None else round(value - previous, 1)


METRICS: dict[str, Metric] = {}


def register(key, label, unit, compute, *, higher_is_better=True, source="") -> None:
    METRICS[key] = Metric(key, label, unit, compute, higher_is_better, source)


def measure(key: str, period: Period) -> float | None:
    metric = METRICS.get(key)
    if metric is None:
        raise KeyError(key)
    return metric.compute(period)


def choices() -> list[tuple[str, str]]:
    return [(key, f"{metric.label} ({key})") for key, metric in sorted(METRICS.items())]


def _summary(field: str) -> Callable[[Period], float | None]:
    return lambda period: traffic.traffic_summary(period)[field]


def _action(name: str) -> Callable[[Period], float | None]:
    return lambda period: community.member_actions(period)[name]


T, C = _("traffic (rollups)"), _("ledger and forum")
E = _("engagement scores (ledger, events, mentions)")
register("traffic.visitors", _("Unique visitors"), "", _summary("visitors"), source=T)
register("traffic.visits", _("Visits"), "", _summary("visits"), source=T)
register("traffic.pageviews", _("Page views"), "", _summary("pageviews"), source=T)
register("traffic.bounce_rate", _("Bounce rate"), "%", _summary("bounce_rate"),
         higher_is_better=False, source=T)  # fmt: skip
register("traffic.visit_duration", _("Visit duration"), "s", _summary("visit_duration"), source=T)
register("traffic.events", _("Custom events"), "", _summary("events"), source=T)
register("community.active_members", _("Active members"), "", community.active_members, source=C)
for _name, _label in (("posts", _("Replies and posts")), ("topics", _("Topics started")),
                      ("reactions", _("Reactions")), ("signups", _("Sign-ups")),
                      ("searches", _("Searches")), ("logins", _("Logins"))):  # fmt: skip
    register(f"community.{_name}", _label, "", _action(_name), source=C)
register("community.new_members", _("New active members"), "",
         lambda p: community.new_and_returning(p)["new"], source=C)  # fmt: skip
register("community.answered_share", _("Questions answered"), "%",
         lambda p: community.questions(p)["answered_share"], source=C)  # fmt: skip
register("community.first_reply_hours", _("Time to first reply"), "h",
         lambda p: community.questions(p)["first_reply_hours"],
         higher_is_better=False, source=C)  # fmt: skip
register("community.unanswered", _("Unanswered questions"), "", community.unanswered_topics,
         higher_is_better=False, source=C)  # fmt: skip
register("satisfaction.nps", _("Net Promoter Score"), "", lambda p: surveys.nps(p),
         source=_("answers to the surveys' 0–10 questions"))  # fmt: skip
register("satisfaction.csat", _("Customer satisfaction (CSAT)"), "%", lambda p: surveys.csat(p),
         source=_("answers to the surveys' 1–5 questions"))  # fmt: skip
register("satisfaction.responses", _("Survey responses"), "", surveys.responses_in,
         source=_("survey responses"))  # fmt: skip
register("content.post_sentiment", _("Forum sentiment (net)"), "",
         lambda p: content.post_sentiment(p)["net"],
         source=_("sentiment of the published forum posts"))  # fmt: skip
M = _("brand mentions found by listening, with their sentiment")
register("content.mention_sentiment", _("Brand mention sentiment (net)"), "",
         lambda p: content.mention_sentiment(p)["net"], source=M)  # fmt: skip
register("content.mentions", _("Brand mentions"), "",
         lambda p: content.mention_sentiment(p)["total"], source=M)  # fmt: skip
register("content.negative_mentions", _("Negative mentions"), "",
         lambda p: content.mention_sentiment(p)["negative"],
         higher_is_better=False, source=M)  # fmt: skip
register("content.complaints", _("Problem reports"), "", content.complaints,
         higher_is_better=False, source=_("members' malfunction reports"))  # fmt: skip
register("content.flags", _("Flags"), "", content.flags, higher_is_better=False,
         source=_("members' flags on content"))  # fmt: skip
for _name, _label in (("participant", _("Participants")), ("contributor", _("Contributors")),
                      ("champion", _("Champions"))):  # fmt: skip
    register(f"engagement.{_name}s", _label, "", functools.partial(levels.people_at_level, _name),
             source=E)  # fmt: skip
