"""The screening pipeline moderation plugs into `belvedere.core.screening`.

Checks run cheapest first and stop at the first refusal: standing (silenced, suspended),
flood, watched words, links, toxicity. The most severe decision wins and carries every
reason. (A new member's first post is queued after it is stored: `services/intake.py`.)
Kinds that count for flood checks (each adapter's `flood_kinds`) leave a `Submission`.
"""

from belvedere.core.screening import REJECT, Decision, combine
from belvedere.moderation import registry
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.checks.flood import check_flood
from belvedere.moderation.checks.links import check_links, find_links
from belvedere.moderation.checks.standing import check_standing
from belvedere.moderation.checks.toxicity import check_toxicity
from belvedere.moderation.checks.words import check_words
from belvedere.moderation.policy import get_policy
from belvedere.moderation.services.submissions import remember_submission

CHECKS = (check_standing, check_flood, check_words, check_links, check_toxicity)


def run_checks(ctx: Screening) -> Decision:
    decisions = []
    for check in CHECKS:
        decision = check(ctx)
        if decision is None:
            continue
        decisions.append(decision)
        if decision.action == REJECT:
            return decision
    return combine(decisions)


def screen_text(text: str, *, kind: str, author, context: dict) -> Decision | None:
    """The screener registered with core.screening (see the module docstring)."""
    counted = kind in registry.flood_kinds()
    ctx = Screening(text or "", kind, author, context or {}, get_policy(), flood_counted=counted)
    decision = run_checks(ctx)
    if counted and ctx.is_member and not ctx.is_edit and decision.action != REJECT:
        remember_submission(ctx.author, kind, ctx.digest, len(find_links(ctx.text)))
    if decision.action == "publish" and not decision.reasons:
        return None
    return decision
