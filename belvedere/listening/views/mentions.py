"""The mentions inbox: filters, pagination, CSV export, and triage."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role, User
from belvedere.core.csv import csv_response
from belvedere.listening.forms import MentionFilterForm, MentionUpdateForm
from belvedere.listening.models import Status
from belvedere.listening.permissions import can_triage_mention
from belvedere.listening.queries import (
    CSV_COLUMNS,
    get_mention_for_user,
    list_mentions,
    mention_row,
)
from belvedere.listening.services import mentions as services

PAGE_SIZE = 25


@role_required(Role.MODERATOR)
@require_GET
def inbox(request: HttpRequest):
    form = MentionFilterForm(request.GET or None)
    mentions = list_mentions(**(form.filters() if form.is_bound else {}))
    if request.GET.get("format") == "csv":
        return csv_response("mentions.csv", CSV_COLUMNS, map(mention_row, mentions.iterator(2000)))
    page = Paginator(mentions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "statuses": Status.choices,
        "can_triage": can_triage_mention(request.user),
        "team": User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True),
    }
    return render(request, "listening/inbox.html", context)


@role_required(Role.MANAGER)
@require_POST
def mention_update(request: HttpRequest, mention_id: int):
    mention = get_mention_for_user(request.user, mention_id)
    check(can_triage_mention(request.user, mention))
    form = MentionUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The change was not valid."))
        return redirect(request.POST.get("next") or "listening:mentions")
    data = form.cleaned_data
    if data["status"]:
        services.set_status(mention, data["status"], actor=request.user)
    if data["assignee"] is not None:
        assignee = get_object_or_404(User, pk=data["assignee"]) if data["assignee"] else None
        if assignee is not None and not can_triage_mention(assignee, mention):
            messages.error(request, _("Mentions go to community managers and admins."))
            return redirect("listening:mentions")
        services.assign(mention, assignee, actor=request.user)
    if "tags" in request.POST:
        services.set_tags(mention, data["tags"].split(","), actor=request.user)
    if data["note"].strip():
        services.add_note(mention, data["note"].strip(), actor=request.user)
    messages.success(request, _("Mention updated."))
    next_url = request.POST.get("next", "")
    return redirect(next_url if next_url.startswith("/listening/") else "listening:mentions")
