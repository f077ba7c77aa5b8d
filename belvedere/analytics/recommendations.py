"""Improvement recommendations from explicit rules; each names the figures that triggered it.

Rules read the figures of a report (see ``services/reports.compose``): the period's value and
the previous period's for every indicator, and the questions per category.
"""

from django.utils.translation import gettext as _

FIRST_REPLY_RISE = 40.0  # % rise of the median time to first reply in a category
NPS_DROP = 10.0  # points
NEGATIVE_SURGE = 1.5  # × previous period, with at least MIN_NEGATIVE mentions
MIN_NEGATIVE = 5
BOUNCE_RISE = 10.0  # percentage points
ANSWERED_FLOOR = 70.0  # % of topics answered, with at least MIN_TOPICS topics
MIN_TOPICS = 5
ACTIVE_DROP = 20.0  # % fewer active members


def _pair(figures: dict, key: str) -> tuple:
    row = figures["indicators"].get(key, {})
    return row.get("value"), row.get("previous")


def _first_reply(figures: dict) -> list[dict]:
    out = []
    before = {row["id"]: row for row in figures.get("categories_previous", [])}
    for row in figures.get("categories", []):
        now, then = row.get("first_reply_hours"), before.get(row["id"], {}).get("first_reply_hours")
        if now is None or not then or 100 * (now - then) / then < FIRST_REPLY_RISE:
            continue
        rise = round(100 * (now - then) / then)
        out.append({"code": "first_reply_rose", "message": _(
            "Median time to first reply in “%(category)s” rose by %(rise)s %% "
            "(%(then)s h → %(now)s h): add moderators or helpers in this category."
        ) % {"category": row["category"], "rise": rise, "then": then, "now": now},
            "figures": {"category": row["category"], "previous_hours": then, "hours": now,
                        "rise_percent": rise}})  # fmt: skip
    return out


def _nps(figures: dict) -> list[dict]:
    now, then = _pair(figures, "satisfaction.nps")
    if now is None or then is None or then - now < NPS_DROP:
        return []
    return [{"code": "nps_fell", "message": _(
        "NPS fell from %(then)s to %(now)s: read the detractors' free answers and follow up "
        "with them.") % {"then": then, "now": now},
        "figures": {"previous": then, "value": now}}]  # fmt: skip


def _negative(figures: dict) -> list[dict]:
    now, then = _pair(figures, "content.negative_mentions")
    if not now or now < MIN_NEGATIVE or now < NEGATIVE_SURGE * (then or 0) or now == then:
        return []
    return [{"code": "negative_mentions_surge", "message": _(
        "Negative brand mentions surged (%(then)s → %(now)s): triage them in the listening "
        "inbox and prepare an answer.") % {"then": then or 0, "now": now},
        "figures": {"previous": then, "value": now}}]  # fmt: skip


def _bounce(figures: dict) -> list[dict]:
    now, then = _pair(figures, "traffic.bounce_rate")
    if now is None or then is None or now - then < BOUNCE_RISE:
        return []
    return [{"code": "bounce_rate_rose", "message": _(
        "Bounce rate rose from %(then)s %% to %(now)s %%: check the entry pages and what "
        "visitors find there.") % {"then": then, "now": now},
        "figures": {"previous": then, "value": now}}]  # fmt: skip


def _unanswered(figures: dict) -> list[dict]:
    q = figures.get("questions", {})
    share, topics = q.get("answered_share"), q.get("topics", 0)
    if share is None or topics < MIN_TOPICS or share >= ANSWERED_FLOOR:
        return []
    return [{"code": "unanswered_questions", "message": _(
        "Only %(share)s %% of the %(topics)s topics got a reply from someone else: "
        "review the unanswered ones and invite experts or ambassadors."
    ) % {"share": share, "topics": topics},
        "figures": {"answered_share": share, "topics": topics}}]  # fmt: skip


def _active(figures: dict) -> list[dict]:
    now, then = _pair(figures, "community.active_members")
    if not then or now is None or 100 * (then - now) / then < ACTIVE_DROP:
        return []
    return [{"code": "active_members_fell", "message": _(
        "Active members fell from %(then)s to %(now)s: plan an event or a challenge to bring "
        "them back.") % {"then": then, "now": now},
        "figures": {"previous": then, "value": now}}]  # fmt: skip


RULES = [_first_reply, _nps, _negative, _bounce, _unanswered, _active]


def recommend(figures: dict) -> list[dict]:
    return [item for rule in RULES for item in rule(figures)]
