"""Watched words: block, require approval, flag (censor and replace act on display)."""

from django.utils.translation import gettext as _

from belvedere.core.screening import FLAG, HOLD, REJECT, Decision
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.clauses import with_citation

ACTIONS = {"block": REJECT, "approve": HOLD, "flag": FLAG}
SEVERITY = {REJECT: 3, HOLD: 2, FLAG: 1}


def check_words(ctx: Screening) -> Decision | None:
    matcher = ctx.policy.matcher
    if not matcher:
        return None
    language = ctx.analysis["language"] if matcher.has_language_words else "und"
    hits = [hit for hit in matcher.find(ctx.norm, language) if hit.word.action in ACTIONS]
    if not hits:
        return None
    worst = max(hits, key=lambda hit: SEVERITY[ACTIONS[hit.word.action]])
    action = ACTIONS[worst.word.action]
    clause = worst.word.clause_key or "respect"
    reasons = [f"word:{hit.word.pattern}" for hit in hits]
    quoted = ctx.text[worst.start : worst.end]
    if action == REJECT:
        message = _("Your message contains “%(word)s”, which this community does not accept.")
        return Decision(action, reasons, clause, with_citation(message % {"word": quoted}, clause))
    message = _("Your message will be reviewed by a moderator because of “%(word)s”.")
    return Decision(action, reasons, clause, with_citation(message % {"word": quoted}, clause))
