"""Toxicity from `belvedere.text`, against the community's hold and reject thresholds."""

from django.utils.translation import gettext as _

from belvedere.core.screening import HOLD, REJECT, Decision
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.clauses import with_citation

HOLD_ATTRIBUTES = ("TOXICITY", "INSULT", "THREAT", "IDENTITY_ATTACK")
# Below this many words the models alone are unreliable ("@Carol regarde" scores high):
# a short text is held or refused only when a word list matched.
MIN_WORDS_FOR_MODEL = 4


def clause_for(scores: dict) -> str:
    if scores.get("IDENTITY_ATTACK", 0) >= 0.5:
        return "hate"
    if max(scores.get("THREAT", 0), scores.get("INSULT", 0)) >= 0.5:
        return "harassment"
    return "respect"


def check_toxicity(ctx: Screening) -> Decision | None:
    scores = ctx.analysis["toxicity"]
    settings = ctx.policy.settings
    if not scores.get("matches") and len(ctx.norm.tokens) < MIN_WORDS_FOR_MODEL:
        return None
    attribute = max(HOLD_ATTRIBUTES, key=lambda name: scores.get(name, 0))
    score, severe = scores.get(attribute, 0), scores.get("SEVERE_TOXICITY", 0)
    clause = clause_for(scores)
    if severe >= settings.reject_threshold:
        message = _("Your message was refused: it reads as abusive.")
        reason = f"toxicity:SEVERE_TOXICITY:{severe:.2f}"
        return Decision(REJECT, [reason], clause, with_citation(message, clause))
    if score >= settings.hold_threshold:
        message = _("Your message will be reviewed by a moderator before it is published.")
        reason = f"toxicity:{attribute}:{score:.2f}"
        return Decision(HOLD, [reason], clause, with_citation(message, clause))
    return None
