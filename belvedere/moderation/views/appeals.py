"""Moderators decide appeals (never on a sanction they gave)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.moderation import queries
from belvedere.moderation.forms import DecideAppealForm
from belvedere.moderation.permissions import can_decide_appeal
from belvedere.moderation.services import appeals as appeal_services


@role_required("moderator")
@require_GET
def appeals(request: HttpRequest):
    status = request.GET.get("status", "pending")
    rows = list(queries.list_appeals(status=status)[:200])
    for row in rows:
        row.can_decide = can_decide_appeal(request.user, row)
    context = {"appeals": rows, "status": status, "form": DecideAppealForm()}
    return render(request, "moderation/appeals.html", context)


@role_required("moderator")
@require_POST
def decide(request: HttpRequest, appeal_id: int):
    appeal = queries.get_appeal_for_user(request.user, appeal_id)
    if not can_decide_appeal(request.user, appeal):
        raise PermissionDenied
    form = DecideAppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and explain it."))
        return redirect("moderation:appeals")
    data = form.cleaned_data
    try:
        appeal_services.decide_appeal(
            appeal, actor=request.user, overturn=data["decision"] == "overturn", note=data["note"]
        )
        messages.success(request, _("Decision recorded; the member was told."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("moderation:appeals")
