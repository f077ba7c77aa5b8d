"""What members see: their standing and history, appeals, flagging, revising hidden content."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.moderation import queries, registry
from belvedere.moderation.forms import AppealForm, FlagForm, ReviseForm
from belvedere.moderation.models import ItemStatus, QueueItem, Sanction
from belvedere.moderation.permissions import can_flag
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services import appeals, flags
from belvedere.moderation.services.queue import get_content
from belvedere.moderation.services.sanctions import APPEAL_SALT

TOKEN_MAX_AGE = 3650 * 24 * 3600  # the appeal window is checked by the service


@login_required
def standing(request: HttpRequest):
    history = queries.member_history(request.user)
    for sanction in history["sanctions"]:
        sanction.appeal_refusal = appeals.appeal_refusal(sanction)
        sanction.appeal_deadline = appeals.appeal_deadline(sanction)
    context = {**history, "appeal_form": AppealForm(), "window": get_settings().appeal_window_days}
    return render(request, "moderation/standing.html", context)


@login_required
@require_POST
def appeal(request: HttpRequest, sanction_id: int):
    sanction = queries.get_own_sanction(request.user, sanction_id)
    form = AppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Explain in a few words why the sanction is wrong."))
        return redirect("moderation:standing")
    try:
        appeals.file_appeal(sanction, member=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Your appeal was sent: another moderator will decide."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("moderation:standing")


@require_http_methods(["GET", "POST"])
def appeal_with_token(request: HttpRequest, token: str):
    """For members who cannot log in (suspended): the link in their email or login refusal."""
    try:
        data = signing.loads(token, salt=APPEAL_SALT, max_age=TOKEN_MAX_AGE)
        sanction = Sanction.objects.select_related("member").get(pk=data["s"], member_id=data["m"])
    except (signing.BadSignature, Sanction.DoesNotExist, KeyError, TypeError):
        raise Http404
    form = AppealForm(request.POST or None)
    refusal = appeals.appeal_refusal(sanction)
    if request.method == "POST" and form.is_valid() and not refusal:
        try:
            appeals.file_appeal(sanction, member=sanction.member, text=form.cleaned_data["text"])
            refusal = _("Your appeal was sent: another moderator will decide.")
        except ValidationError as error:
            form.add_error(None, error)
    context = {"sanction": sanction, "form": form, "refusal": refusal}
    return render(request, "moderation/appeal.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def flag(request: HttpRequest, label: str, object_id: str):
    if not can_flag(request.user):
        raise PermissionDenied
    obj = registry.get_object(label, object_id)
    if obj is None:
        raise Http404
    form = FlagForm(request.POST)
    error, status = "", 200
    if not form.is_valid():
        error, status = _("Choose a reason."), 400
    else:
        try:
            flags.flag_content(obj, flagger=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            error, status = " ".join(refusal.messages), 400
    if request.htmx:
        context = {"error": error, "done": not error}
        return render(request, "moderation/_flag_result.html", context, status=status)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Thank you: the moderators will look at it."))
    target = request.POST.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return redirect(target if safe else "/")


@login_required
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, item_id: int):
    """The author of content hidden after flags edits it and asks for a new review."""
    item = QueueItem.objects.filter(pk=item_id, author_id=request.user.pk, auto_hidden=True).first()
    if item is None:
        raise Http404
    adapter, obj = get_content(item)
    if obj is None or not adapter.can("edit") or not adapter.state(obj).hidden:
        raise Http404
    initial = {"text": adapter.text(obj) if adapter.text else item.preview}
    form = ReviseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            adapter.edit(obj, actor=request.user, text=form.cleaned_data["text"], reason="")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: a moderator will review your new text."))
            return redirect("moderation:standing")
    reopened = item.status == ItemStatus.OPEN and item.review_requested
    context = {"form": form, "item": item, "reopened": reopened}
    return render(request, "moderation/revise.html", context, status=400 if form.errors else 200)
