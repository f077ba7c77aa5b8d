"""Moderation's login gate: a suspended member cannot log in until the suspension ends."""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from belvedere.moderation.models import Sanction, SanctionKind, Standing


def refuse_suspended(user) -> str | None:
    standing = Standing.objects.filter(member_id=user.pk).first()
    if standing is None or not standing.is_suspended():
        return None
    until = formats.date_format(standing.suspended_until, "DATETIME_FORMAT")
    message = _("Your account is suspended until %(date)s.") % {"date": until}
    sanction = (
        Sanction.objects.filter(member_id=user.pk, kind=SanctionKind.SUSPENSION, lifted_at=None)
        .order_by("-created_at")
        .first()
    )
    if sanction is not None:
        from belvedere.moderation.services.sanctions import appeal_token

        url = f"{settings.BASE_URL}/moderation/appeal/{appeal_token(sanction)}/"
        message += " " + _("Reason: %(r)s. You may appeal: %(url)s") % {
            "r": sanction.reason,
            "url": url,
        }
    return message
