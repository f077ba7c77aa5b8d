"""Silenced or suspended members cannot post."""

from django.utils import formats
from django.utils.translation import gettext as _

from belvedere.core.screening import REJECT, Decision
from belvedere.moderation.checks.base import Screening
from belvedere.moderation.clauses import with_citation


def check_standing(ctx: Screening) -> Decision | None:
    if not ctx.is_member:
        return None
    standing = ctx.standing
    if standing.is_suspended(ctx.now):
        until, reason = standing.suspended_until, "standing:suspended"
        message = _("Your account is suspended until %(date)s: you cannot post.")
    elif standing.is_silenced(ctx.now):
        until, reason = standing.silenced_until, "standing:silenced"
        message = _("You are silenced until %(date)s: you cannot post.")
    else:
        return None
    text = message % {"date": formats.date_format(until, "DATETIME_FORMAT")}
    return Decision(REJECT, [reason], "sanctions", with_citation(text, "sanctions"))
