"""Sanctions: warning, silence (cannot post), suspension (cannot log in), ban (deactivated).

`sanction_member` is the one write path; `escalate` picks the next step of the community's
ladder; `lift_sanction` undoes one (an overturned appeal, a moderator's change of mind).
"""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from belvedere.accounts.services import set_active
from belvedere.activity.services import record
from belvedere.moderation.clauses import cite
from belvedere.moderation.models import Sanction, SanctionKind, Standing
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services.notify import in_language, tell_member

TIMED = (SanctionKind.SILENCE, SanctionKind.SUSPENSION)
MAX_DAYS = 3650
APPEAL_SALT = "moderation.appeal"


def appeal_token(sanction: Sanction) -> str:
    """A signed token that lets a member who cannot log in appeal this sanction."""
    return signing.dumps({"s": sanction.pk, "m": sanction.member_id}, salt=APPEAL_SALT)


def _ends_at(kind: str, days) -> object:
    if kind not in TIMED:
        return None
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise ValidationError(_("Give a number of days."), code="days")
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(_("Give between 1 and %(n)d days.") % {"n": MAX_DAYS}, code="days")
    return timezone.now() + timedelta(days=days)


def _end_sessions(member) -> None:
    """Log a suspended or banned member out everywhere (database sessions)."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(member.pk):
            session.delete()


@transaction.atomic
def sanction_member(member, kind: str, *, actor, reason: str, clause="", days=None, item=None):
    if kind not in SanctionKind.values:
        raise ValidationError(_("Unknown sanction."), code="kind")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason the member will read."), code="reason")
    ends_at = _ends_at(kind, days)
    standing, _created = Standing.objects.select_for_update().get_or_create(member=member)
    if kind == SanctionKind.SILENCE:
        standing.silenced_until = max(filter(None, [standing.silenced_until, ends_at]))
    elif kind == SanctionKind.SUSPENSION:
        standing.suspended_until = max(filter(None, [standing.suspended_until, ends_at]))
    standing.save()
    if kind == SanctionKind.BAN:
        set_active(member, False, actor=actor, reason=reason)
    if kind in (SanctionKind.SUSPENSION, SanctionKind.BAN):
        _end_sessions(member)
    sanction = Sanction.objects.create(
        member=member, kind=kind, reason=reason, clause=clause, ends_at=ends_at,
        created_by=actor, item=item,
    )  # fmt: skip
    until = ends_at.isoformat() if ends_at else None
    record(actor, f"moderation.sanction.{kind}", member, reason=reason, staff=True,
           sanction=sanction.pk, until=until, clause=clause)  # fmt: skip
    _tell_sanctioned(sanction)
    return sanction


def _tell_sanctioned(sanction: Sanction) -> None:
    from django.conf import settings

    member = sanction.member
    window = get_settings().appeal_window_days
    with in_language(member):
        subject = _("Moderation: %(kind)s") % {"kind": sanction.get_kind_display()}
        parts = [_("Reason: %(r)s") % {"r": sanction.reason}]
        if sanction.ends_at:
            when = formats.date_format(sanction.ends_at, "DATETIME_FORMAT")
            parts.append(_("Until %(date)s.") % {"date": when})
        parts.append(cite(sanction.clause))
        url = f"{settings.BASE_URL}/moderation/appeal/{appeal_token(sanction)}/"
        parts.append(_("You may appeal within %(n)d days: %(url)s") % {"n": window, "url": url})
        tell_member(member, subject, "\n\n".join(p for p in parts if p))


def next_step(member) -> dict:
    """The ladder step for this member's next sanction: one step per earlier sanction that
    was not lifted (the last step repeats)."""
    ladder = get_settings().ladder or [{"kind": SanctionKind.WARNING}]
    count = Sanction.objects.filter(member=member, lifted_at__isnull=True).count()
    return dict(ladder[min(count, len(ladder) - 1)])


def escalate(member, *, actor, reason: str, clause: str = "", item=None) -> Sanction:
    step = next_step(member)
    return sanction_member(
        member, step["kind"], actor=actor, reason=reason, clause=clause,
        days=step.get("days"), item=item,
    )  # fmt: skip


@transaction.atomic
def lift_sanction(sanction: Sanction, *, actor, reason: str = "") -> bool:
    """Undo a sanction; the member's restrictions are recomputed from what stays active."""
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.is_lifted:
        return False
    sanction.lifted_at, sanction.lifted_by, sanction.lift_reason = timezone.now(), actor, reason
    sanction.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    member = sanction.member
    active = Sanction.objects.filter(member=member, lifted_at__isnull=True)
    standing, _created = Standing.objects.get_or_create(member=member)
    standing.silenced_until = _latest(active, SanctionKind.SILENCE)
    standing.suspended_until = _latest(active, SanctionKind.SUSPENSION)
    standing.save(update_fields=["silenced_until", "suspended_until"])
    if sanction.kind == SanctionKind.BAN and not active.filter(kind=SanctionKind.BAN).exists():
        set_active(member, True, actor=actor, reason=reason)
    record(actor, "moderation.sanction.lift", member, reason=reason, staff=True,
           sanction=sanction.pk, kind=sanction.kind)  # fmt: skip
    return True


def _latest(active, kind):
    ends = active.filter(kind=kind, ends_at__gt=timezone.now()).order_by("-ends_at")
    row = ends.values_list("ends_at", flat=True).first()
    return row
