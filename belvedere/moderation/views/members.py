"""Staff pages on a member: standing, history, notes, sanctions, trust level."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.moderation import queries
from belvedere.moderation.forms import NoteForm, SanctionForm, TrustForm
from belvedere.moderation.models import Sanction
from belvedere.moderation.permissions import can_manage_policy, can_sanction
from belvedere.moderation.services import notes, sanctions, trust


@role_required("moderator")
@require_GET
def member(request: HttpRequest, member_id: int):
    member = queries.get_member(member_id)
    context = {
        "member": member,
        **queries.member_history(member),
        "notes": queries.list_notes(member),
        "flags": queries.flags_by(member),
        "items": queries.list_queue(status="", member_id=member.pk)[:20],
        "next_step": sanctions.next_step(member),
        "sanction_form": SanctionForm(),
        "note_form": NoteForm(),
        "trust_form": TrustForm(),
        "can_manage": can_manage_policy(request.user),
    }
    return render(request, "moderation/member.html", context)


@role_required("moderator")
@require_POST
def sanction(request: HttpRequest, member_id: int):
    member = queries.get_member(member_id)
    form = SanctionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the sanction."))
        return redirect("moderation:member", member.pk)
    data = form.cleaned_data
    step = sanctions.next_step(member) if data["kind"] == "next" else data
    if not can_sanction(request.user, member, step["kind"]):
        raise PermissionDenied
    try:
        sanctions.sanction_member(
            member, step["kind"], actor=request.user, reason=data["reason"],
            clause=data["clause"], days=step.get("days"),
        )  # fmt: skip
        messages.success(request, _("Sanction recorded; the member was told."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("moderation:member", member.pk)


@role_required("moderator")
@require_POST
def lift(request: HttpRequest, sanction_id: int):
    sanction = Sanction.objects.select_related("member").filter(pk=sanction_id).first()
    if sanction is None:
        return redirect("moderation:queue")
    if not can_sanction(request.user, sanction.member, sanction.kind):
        raise PermissionDenied
    sanctions.lift_sanction(sanction, actor=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("Sanction lifted."))
    return redirect("moderation:member", sanction.member_id)


@role_required("moderator")
@require_POST
def note(request: HttpRequest, member_id: int):
    member = queries.get_member(member_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        notes.add_note(member, actor=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("Write the note."))
    return redirect("moderation:member", member.pk)


@role_required("manager")
@require_POST
def set_trust(request: HttpRequest, member_id: int):
    member = queries.get_member(member_id)
    form = TrustForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A trust level is 0 to 4."))
        return redirect("moderation:member", member.pk)
    data = form.cleaned_data
    trust.set_trust_level(
        member, data["level"], actor=request.user, reason=data["reason"], locked=data["locked"]
    )
    messages.success(request, _("Trust level saved."))
    return redirect("moderation:member", member.pk)
