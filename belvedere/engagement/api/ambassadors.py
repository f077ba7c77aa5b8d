"""/api/v1/engagement: ambassadors, candidates, invitations, tiers, kits, impact, badges."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router
from ninja.errors import HttpError

from belvedere.engagement.api.common import domain_errors, forbid_unless
from belvedere.engagement.forms import KitForm
from belvedere.engagement.models import Ambassador, Tier
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import ambassadors as queries
from belvedere.engagement.schemas import (
    AmbassadorOut,
    AnswerIn,
    CandidateOut,
    ImpactOut,
    InviteIn,
    KitIn,
    KitOut,
    RetireIn,
    TierIn,
)
from belvedere.engagement.services import ambassadors as services

router = Router()


@router.get("/ambassadors", response=list[AmbassadorOut], summary="Leaderboard")
def ambassadors(request, status: str = Query("", max_length=16)):
    forbid_unless(can_manage_engagement(request.auth))
    return list(queries.list_ambassadors(status)[:500])


@router.get("/ambassadors/candidates", response=list[CandidateOut], summary="Candidates")
def candidates(request):
    forbid_unless(can_manage_engagement(request.auth))
    return queries.list_candidates()


@router.post("/ambassadors", response={201: AmbassadorOut, 422: dict}, summary="Invite")
def invite(request, payload: InviteIn):
    forbid_unless(can_manage_engagement(request.auth))
    if payload.tier not in Tier.values:
        return 422, {"detail": f"tier must be one of {', '.join(Tier.values)}"}
    user = get_object_or_404(get_user_model(), pk=payload.user_id)
    with domain_errors():
        made = services.invite_ambassador(
            user, actor=request.auth, tier=payload.tier, message=payload.message
        )
    return 201, made


@router.post("/ambassadors/invitation/{token}", response=AmbassadorOut, summary="Answer")
def answer(request, token: str, payload: AnswerIn):
    ambassador = get_object_or_404(Ambassador, token=token, user=request.auth)
    with domain_errors():
        return services.answer_invitation(ambassador, user=request.auth, accept=payload.accept)


@router.get("/ambassadors/{ambassador_id}/impact", response=list[ImpactOut], summary="Impact")
def impact(request, ambassador_id: int):
    ambassador = queries.get_ambassador_for_user(request.auth, ambassador_id)
    return [
        {
            "kit": row["kit"].title,
            "code": row["link"].code,
            "url": settings.BASE_URL + reverse("go", args=[row["link"].code]),
            "clicks": row["clicks"],
            "visitors": row["visitors"],
            "signups": row["signups"],
        }
        for row in queries.impact(ambassador)
    ]


@router.get("/badges", response=dict[int, str], summary="Ambassador badges of members")
def badges(request, user_ids: list[int] = Query(..., max_length=200)):  # noqa: B008
    return queries.badges_for(user_ids)


@router.post("/ambassadors/{ambassador_id}/tier", response=AmbassadorOut, summary="Set the tier")
def tier(request, ambassador_id: int, payload: TierIn):
    forbid_unless(can_manage_engagement(request.auth))
    ambassador = queries.get_ambassador_for_user(request.auth, ambassador_id)
    if payload.tier not in Tier.values:
        raise HttpError(422, f"tier must be one of {', '.join(Tier.values)}")
    services.set_tier(ambassador, payload.tier, actor=request.auth)
    return ambassador


@router.post("/ambassadors/{ambassador_id}/retire", response=AmbassadorOut, summary="Retire")
def retire(request, ambassador_id: int, payload: RetireIn):
    forbid_unless(can_manage_engagement(request.auth))
    ambassador = queries.get_ambassador_for_user(request.auth, ambassador_id)
    services.retire_ambassador(ambassador, actor=request.auth, reason=payload.reason)
    return ambassador


@router.get("/kits", response=list[KitOut], summary="Share kits")
def kits(request):
    forbid_unless(can_manage_engagement(request.auth))
    return list(queries.list_kits()[:200])


@router.post("/kits", response={201: KitOut}, summary="Create a share kit")
def kit_create(request, payload: KitIn):
    forbid_unless(can_manage_engagement(request.auth))
    form = KitForm(payload.dict())
    if not form.is_valid():
        raise HttpError(422, " ".join(e for errors in form.errors.values() for e in errors))
    return 201, services.create_kit(actor=request.auth, **form.cleaned_data)
