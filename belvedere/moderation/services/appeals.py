"""Appeals: a sanctioned member appeals each sanction once, within the community's window;
another moderator than the one who sanctioned decides; the outcome is told and logged."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation.models import Appeal, AppealStatus, Sanction
from belvedere.moderation.permissions import can_decide_appeal
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services.notify import in_language, tell_member
from belvedere.moderation.services.sanctions import lift_sanction


def appeal_deadline(sanction: Sanction):
    return sanction.created_at + timedelta(days=get_settings().appeal_window_days)


def appeal_refusal(sanction: Sanction) -> str:
    """Why this sanction cannot be appealed now ("" when it can)."""
    if Appeal.objects.filter(sanction=sanction).exists():
        return _("You already appealed this sanction.")
    if sanction.is_lifted:
        return _("This sanction was lifted.")
    deadline = appeal_deadline(sanction)
    if timezone.now() > deadline:
        return _("The time to appeal ended on %(date)s.") % {
            "date": formats.date_format(deadline, "DATETIME_FORMAT")
        }
    return ""


@transaction.atomic
def file_appeal(sanction: Sanction, *, member, text: str) -> Appeal:
    if sanction.member_id != member.pk:
        raise PermissionDenied
    text = (text or "").strip()
    if len(text) < 10:
        raise ValidationError(_("Explain in a few words why the sanction is wrong."), code="text")
    refusal = appeal_refusal(sanction)
    if refusal:
        raise ValidationError(refusal, code="not_appealable")
    appeal = Appeal.objects.create(sanction=sanction, member=member, text=text[:4000])
    record(member, "moderation.appeal.create", sanction, sanction_kind=sanction.kind)
    return appeal


@transaction.atomic
def decide_appeal(appeal: Appeal, *, actor, overturn: bool, note: str) -> Appeal:
    """Uphold or overturn (lifting the sanction). Refused to the moderator who sanctioned."""
    appeal = Appeal.objects.select_for_update().select_related("sanction").get(pk=appeal.pk)
    if not can_decide_appeal(actor, appeal):
        raise PermissionDenied(_("Another moderator than the one who sanctioned decides."))
    if not appeal.is_pending:
        raise ValidationError(_("This appeal was already decided."), code="decided")
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Explain the decision to the member."), code="note")
    appeal.status = AppealStatus.OVERTURNED if overturn else AppealStatus.UPHELD
    appeal.decided_by, appeal.decided_at, appeal.decision_note = actor, timezone.now(), note
    appeal.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if overturn:
        lift_sanction(appeal.sanction, actor=actor, reason=note)
    verb = "moderation.appeal.overturn" if overturn else "moderation.appeal.uphold"
    record(actor, verb, appeal.sanction, reason=note, staff=True, appeal=appeal.pk)
    with in_language(appeal.member):
        subject = _("Your appeal: %(outcome)s") % {"outcome": appeal.get_status_display()}
        tell_member(appeal.member, subject, note)
    return appeal
