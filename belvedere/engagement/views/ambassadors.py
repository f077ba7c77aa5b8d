"""Ambassadors: leaderboard and candidates, invitation and answer, tiers, share kits, /go/."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.engagement import referrals
from belvedere.engagement.forms import InviteAmbassadorForm, KitForm, TierForm
from belvedere.engagement.models import Ambassador, AmbassadorStatus, TrackedLink
from belvedere.engagement.queries import ambassadors as queries
from belvedere.engagement.services import ambassadors as services
from belvedere.engagement.views.common import error_text


@role_required(Role.MANAGER)
@require_GET
def ambassador_list(request: HttpRequest):
    return render(
        request,
        "engagement/ambassadors.html",
        {
            "ambassadors": queries.list_ambassadors(request.GET.get("status", "")),
            "candidates": queries.list_candidates(20),
            "kits": queries.list_kits(),
            "invite_form": InviteAmbassadorForm(),
            "kit_form": KitForm(),
        },
    )


@role_required(Role.MANAGER)
@require_POST
def ambassador_invite(request: HttpRequest):
    form = InviteAmbassadorForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.as_text())
        return redirect("engagement:ambassadors")
    data = form.cleaned_data
    try:
        services.invite_ambassador(
            data["user"], actor=request.user, tier=data["tier"], message=data["message"]
        )
        messages.success(request, _("Invitation sent to %(name)s.") % {"name": data["user"]})
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("engagement:ambassadors")


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def ambassador_detail(request: HttpRequest, ambassador_id: int):
    ambassador = queries.get_ambassador_for_user(request.user, ambassador_id)
    if request.method == "POST" and request.POST.get("action") == "retire":
        services.retire_ambassador(ambassador, actor=request.user)
        messages.success(request, _("Ambassador retired."))
        return redirect("engagement:ambassador", ambassador.pk)
    if request.method == "POST":
        form = TierForm(request.POST)
        if form.is_valid():
            services.set_tier(ambassador, form.cleaned_data["tier"], actor=request.user)
            messages.success(request, _("Tier saved."))
            return redirect("engagement:ambassador", ambassador.pk)
        messages.error(request, _("Choose a tier."))
    return render(
        request,
        "engagement/ambassador.html",
        {
            "ambassador": ambassador,
            "impact": queries.impact(ambassador),
            "referrals": queries.referrals_of(ambassador)[:100],
            "tier_form": TierForm(initial={"tier": ambassador.tier}),
        },
        status=400 if request.method == "POST" else 200,
    )


@role_required(Role.MEMBER)
@require_http_methods(["GET", "POST"])
def ambassador_answer(request: HttpRequest, token: str):
    """The invitation link: the invited member accepts or declines."""
    ambassador = Ambassador.objects.filter(token=token, user=request.user).first()
    if ambassador is None:
        raise Http404("No such invitation")
    if request.method == "POST":
        try:
            services.answer_invitation(
                ambassador, user=request.user, accept=request.POST.get("answer") == "accept"
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        return redirect("engagement:my_ambassador")
    return render(request, "engagement/invitation.html", {"ambassador": ambassador})


@role_required(Role.MEMBER)
@require_GET
def my_ambassador(request: HttpRequest):
    """An ambassador's own page: share kits with their tracked links, and their impact."""
    ambassador = queries.my_ambassador(request.user)
    if ambassador is None:
        raise Http404("Not an ambassador")
    kits = []
    if ambassador.status == AmbassadorStatus.ACTIVE:
        kits = [(kit, services.link_for(kit, ambassador)) for kit in queries.list_kits(True)]
    return render(
        request,
        "engagement/my_ambassador.html",
        {
            "ambassador": ambassador,
            "kits": kits,
            "impact": queries.impact(ambassador),
        },
    )


@role_required(Role.MANAGER)
@require_POST
def kit_create(request: HttpRequest):
    form = KitForm(request.POST)
    if form.is_valid():
        services.create_kit(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Share kit saved."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("engagement:ambassadors")


@require_GET
def go(request: HttpRequest, code: str):
    """A tracked link: count the click (hashed visitor, no address kept), mark the browser,
    send the visitor on."""
    link = get_object_or_404(TrackedLink.objects.select_related("kit"), code=code)
    ip = request.META.get("REMOTE_ADDR", "")
    services.record_click(link, ip=ip, user_agent=request.headers.get("user-agent", ""))
    response = redirect(link.kit.target_url)
    referrals.set_cookie(response, link.code)
    return response
