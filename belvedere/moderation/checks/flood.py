"""Flood and spam: time between posts, posts per day by trust level, the same text again."""

from django.utils.translation import gettext as _

from belvedere.core.screening import REJECT, Decision
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.clauses import with_citation

# Short texts ("Merci !", "+1") are said again on purpose; only longer ones count as repeats
# (Discourse refuses posts under 20 characters anyway).
DUPLICATE_MIN_CHARS = 20


def check_flood(ctx: Screening) -> Decision | None:
    if not (ctx.is_member and ctx.flood_counted) or ctx.is_edit or ctx.trust >= 4:
        return None
    settings, history = ctx.policy.settings, ctx.history
    wait = settings.min_seconds_between_posts
    if wait and history.last_at is not None:
        elapsed = (ctx.now - history.last_at).total_seconds()
        if elapsed < wait:
            message = _("Please wait %(n)d seconds before posting again.") % {
                "n": max(1, round(wait - elapsed))
            }
            return Decision(REJECT, ["flood:interval"], "spam", message)
    per_day = ctx.limits.get("posts_per_day")
    if per_day is not None and history.last_day >= per_day:
        message = _("You reached the %(n)d posts a day allowed at your trust level.") % {
            "n": per_day
        }
        return Decision(REJECT, ["flood:daily"], "spam", with_citation(message, "spam"))
    long_enough = len(ctx.text.strip()) >= DUPLICATE_MIN_CHARS
    if settings.duplicate_window_hours and long_enough and history.duplicates:
        message = _("You already posted this text recently: please write something new.")
        return Decision(REJECT, ["spam:duplicate"], "spam", with_citation(message, "spam"))
    return None
