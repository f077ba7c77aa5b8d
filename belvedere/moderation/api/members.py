"""Standing, sanctions, appeals and trust level endpoints."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Router

from belvedere.moderation import queries
from belvedere.moderation.api.common import appeal_out, invalid, require, sanction_out
from belvedere.moderation.models import Sanction
from belvedere.moderation.permissions import can_manage_policy, can_moderate, can_sanction
from belvedere.moderation.schemas import (
    AppealIn,
    AppealOut,
    DecideIn,
    ErrorOut,
    ReasonIn,
    SanctionIn,
    SanctionOut,
    StandingOut,
    TrustIn,
)
from belvedere.moderation.services import appeals, sanctions, trust

router = Router()
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _standing(member) -> dict:
    history = queries.member_history(member)
    standing = history["standing"]
    return {
        "member": member.pk,
        **{
            name: getattr(standing, name)
            for name in (
                "trust_level",
                "trust_locked",
                "silenced_until",
                "suspended_until",
                "flags_agreed",
                "flags_disagreed",
            )
        },  # fmt: skip
        "sanctions": [sanction_out(s) for s in history["sanctions"]],
    }


@router.get("/standing", response={200: StandingOut, **ERRORS}, summary="My standing")
def my_standing(request):
    return _standing(request.user)


@router.get("/members/{member_id}/standing", response={200: StandingOut, **ERRORS})
def member_standing(request, member_id: int):
    require(can_moderate(request.user))
    return _standing(queries.get_member(member_id))


@router.post("/members/{member_id}/sanctions", response={201: SanctionOut, **ERRORS})
def sanction_member(request, member_id: int, payload: SanctionIn):
    """Warn, silence (days), suspend (days) or ban; `kind: "next"` follows the ladder."""
    member = queries.get_member(member_id)
    step = sanctions.next_step(member) if payload.kind == "next" else payload.dict()
    require(can_sanction(request.user, member, step["kind"]))
    try:
        sanction = sanctions.sanction_member(
            member, step["kind"], actor=request.user, reason=payload.reason,
            clause=payload.clause, days=step.get("days"),
        )  # fmt: skip
    except ValidationError as error:
        return invalid(error)
    return 201, sanction_out(sanction)


@router.post("/sanctions/{sanction_id}/lift", response={200: SanctionOut, **ERRORS})
def lift(request, sanction_id: int, payload: ReasonIn):
    sanction = Sanction.objects.select_related("member").filter(pk=sanction_id).first()
    if sanction is None:
        raise Http404
    require(can_sanction(request.user, sanction.member, sanction.kind))
    sanctions.lift_sanction(sanction, actor=request.user, reason=payload.reason)
    sanction.refresh_from_db()
    return sanction_out(sanction)


@router.post("/sanctions/{sanction_id}/appeal", response={201: AppealOut, **ERRORS})
def appeal(request, sanction_id: int, payload: AppealIn):
    sanction = queries.get_own_sanction(request.user, sanction_id)
    try:
        return 201, appeal_out(
            appeals.file_appeal(sanction, member=request.user, text=payload.text)
        )
    except ValidationError as error:
        return invalid(error)


@router.get("/appeals", response={200: list[AppealOut], **ERRORS}, summary="Appeals")
def list_appeals(request, status: str = "pending"):
    require(can_moderate(request.user))
    return [appeal_out(a) for a in queries.list_appeals(status=status)[:500]]


@router.post("/appeals/{appeal_id}/decide", response={200: AppealOut, **ERRORS})
def decide(request, appeal_id: int, payload: DecideIn):
    appeal_row = queries.get_appeal_for_user(request.user, appeal_id)
    if payload.decision not in ("uphold", "overturn"):
        return 422, {"detail": "decision is uphold or overturn"}
    try:
        decided = appeals.decide_appeal(
            appeal_row, actor=request.user, overturn=payload.decision == "overturn",
            note=payload.note,
        )  # fmt: skip
    except PermissionDenied as denied:
        return 403, {"detail": str(denied) or "Permission denied."}
    except ValidationError as error:
        return invalid(error)
    return appeal_out(decided)


@router.post("/members/{member_id}/trust", response={200: StandingOut, **ERRORS})
def set_trust(request, member_id: int, payload: TrustIn):
    require(can_manage_policy(request.user))
    member = queries.get_member(member_id)
    try:
        trust.set_trust_level(
            member, payload.level, actor=request.user, reason=payload.reason,
            locked=payload.locked,
        )  # fmt: skip
    except ValidationError as error:
        return invalid(error)
    return _standing(member)
