"""The review queue: list (filter, paginate, CSV), claim, decide, bulk decide, sanction the
author. HTMX requests get the item's partial back, others a redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.core.csv import csv_response
from belvedere.moderation import queries
from belvedere.moderation.forms import ActForm, BulkForm, SanctionForm
from belvedere.moderation.permissions import can_sanction
from belvedere.moderation.services import queue as queue_services
from belvedere.moderation.services import sanctions as sanction_services

PER_PAGE = 25
CSV_HEADER = ["id", "status", "score", "content", "author", "preview", "reasons", "flags",
              "created_at", "resolution", "resolved_by", "resolved_at", "url"]  # fmt: skip


def _errors(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


@role_required("moderator")
@require_GET
def queue(request: HttpRequest):
    status = request.GET.get("status", "open")
    kind = request.GET.get("kind", "")
    items = queries.list_queue(status=status, kind=kind)
    if request.GET.get("format") == "csv":
        return csv_response("moderation-queue.csv", CSV_HEADER, _csv_rows(items))
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "kind": kind, "kinds": queries.KINDS}
    return render(request, "moderation/queue.html", context)


def _csv_rows(items):
    for item in items:
        yield [
            item.pk, item.status, item.score, item.content_label, item.author or "",
            item.preview[:500], " ".join(item.reasons), item.flag_count,
            item.created_at.isoformat(), item.resolution, item.resolved_by or "",
            item.resolved_at.isoformat() if item.resolved_at else "", item.url,
        ]  # fmt: skip


def _item_response(request, item_id: int, *, error: str = "", status: int = 200):
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("moderation:queue")
    item = queries.get_item_for_user(request.user, item_id)
    context = {"item": item, "error": error, "sanction_form": SanctionForm()}
    return render(request, "moderation/_item.html", context, status=status)


@role_required("moderator")
@require_GET
def item_detail(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    context = {"item": item, "sanction_form": SanctionForm(), "standalone": True}
    return render(request, "moderation/item.html", context)


@role_required("moderator")
@require_POST
def claim(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    release = request.POST.get("release") == "1"
    try:
        queue_services.claim_item(item, actor=request.user, release=release)
    except PermissionDenied as denied:
        return _item_response(request, item_id, error=_errors(denied), status=409)
    return _item_response(request, item_id)


@role_required("moderator")
@require_POST
def act(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    form = ActForm(request.POST)
    if not form.is_valid():
        return _item_response(request, item_id, error=_("Unknown action."), status=400)
    data = form.cleaned_data
    try:
        queue_services.decide_item(
            item, data["action"], actor=request.user, reason=data["reason"], text=data["text"]
        )
    except (ValidationError, PermissionDenied) as error:
        status = 409 if isinstance(error, PermissionDenied) else 400
        return _item_response(request, item_id, error=_errors(error), status=status)
    if not request.htmx:
        messages.success(request, _("Decision recorded."))
    return _item_response(request, item_id)


@role_required("moderator")
@require_POST
def bulk(request: HttpRequest):
    ids = [value for value in request.POST.getlist("items") if value.isdigit()]
    form = BulkForm(request.POST, item_ids=[int(pk) for pk in ids])
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose items and an action."))
        return redirect("moderation:queue")
    items = list(queries.list_queue(status="open").filter(pk__in=form.cleaned_data["items"]))
    data = form.cleaned_data
    done, errors = queue_services.bulk_decide(
        items, data["action"], actor=request.user, reason=data["reason"]
    )
    messages.success(request, _("%(n)d items decided.") % {"n": done})
    for error in errors:
        messages.error(request, error)
    return redirect("moderation:queue")


@role_required("moderator")
@require_POST
def sanction_author(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    form = SanctionForm(request.POST)
    if item.author is None or not form.is_valid():
        return _item_response(request, item_id, error=_("Check the sanction."), status=400)
    data = form.cleaned_data
    kind = data["kind"]
    if kind == "next":
        kind = sanction_services.next_step(item.author)["kind"]
    if not can_sanction(request.user, item.author, kind):
        raise PermissionDenied
    try:
        sanction_services.sanction_member(
            item.author, kind, actor=request.user, reason=data["reason"],
            clause=data["clause"] or item.clause, days=_days(data, item.author), item=item,
        )  # fmt: skip
    except ValidationError as error:
        return _item_response(request, item_id, error=_errors(error), status=400)
    return _item_response(request, item_id)


def _days(data: dict, member):
    if data["kind"] == "next":
        return sanction_services.next_step(member).get("days")
    return data.get("days")
