"""The mentions inbox: filters, boolean search, pagination, CSV export, bulk actions, and
the page of one mention with its triage."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role, User
from belvedere.core.csv import csv_response
from belvedere.listening.forms import BulkForm, MentionFilterForm, MentionUpdateForm
from belvedere.listening.models import Mention, Status
from belvedere.listening.permissions import can_triage_mention
from belvedere.listening.queries import (
    CSV_COLUMNS,
    filter_mentions,
    get_mention_detail,
    get_mention_for_user,
    list_team,
    mention_row,
)
from belvedere.listening.services import mentions as services

PAGE_SIZE = 25


def _back(request: HttpRequest, default: str = "listening:mentions"):
    next_url = request.POST.get("next", "")
    safe = next_url.startswith("/listening/") and url_has_allowed_host_and_scheme(next_url, None)
    return redirect(next_url if safe else default)


@role_required(Role.MODERATOR)
@require_GET
def inbox(request: HttpRequest):
    team = list_team()
    form = MentionFilterForm(request.GET or None, team=team)
    mentions, search = filter_mentions(**(form.filters() if form.is_bound else {}))
    if request.GET.get("format") == "csv":
        return csv_response("mentions.csv", CSV_COLUMNS, map(mention_row, mentions.iterator(2000)))
    page = Paginator(mentions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {
        "form": form,
        "page": page,
        "search": search,
        "query": query.urlencode(),
        "statuses": Status.choices,
        "can_triage": can_triage_mention(request.user),
        "team": list(team),
    }
    return render(request, "listening/inbox.html", context)


@role_required(Role.MODERATOR)
@require_GET
def mention_detail(request: HttpRequest, mention_id: int):
    mention = get_mention_detail(request.user, mention_id)
    context = {
        "mention": mention,
        "statuses": Status.choices,
        "can_triage": can_triage_mention(request.user, mention),
        "team": list_team(),
    }
    return render(request, "listening/mention_detail.html", context)


@role_required(Role.MANAGER)
@require_POST
def mention_update(request: HttpRequest, mention_id: int):
    mention = get_mention_for_user(request.user, mention_id)
    check(can_triage_mention(request.user, mention))
    form = MentionUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The change was not valid."))
        return _back(request)
    data = form.cleaned_data
    if data["status"]:
        services.set_status(mention, data["status"], actor=request.user)
    if data["assignee"] is not None:
        assignee = get_object_or_404(User, pk=data["assignee"]) if data["assignee"] else None
        if assignee is not None and not can_triage_mention(assignee, mention):
            messages.error(request, _("Mentions go to community managers and admins."))
            return _back(request)
        services.assign(mention, assignee, actor=request.user)
    if "tags" in request.POST:
        services.set_tags(mention, data["tags"].split(","), actor=request.user)
    if data["note"].strip():
        services.add_note(mention, data["note"].strip(), actor=request.user)
    messages.success(request, _("Mention updated."))
    return _back(request)


@role_required(Role.MANAGER)
@require_POST
def mention_bulk(request: HttpRequest):
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request)
    data = form.cleaned_data
    assignee = None
    if data["assignee"]:
        assignee = list_team().filter(pk=data["assignee"]).first()
        if assignee is None:
            messages.error(request, _("Mentions go to community managers and admins."))
            return _back(request)
    mentions = Mention.objects.filter(pk__in=data["ids"]).prefetch_related("tags")
    changed = services.bulk_triage(
        mentions,
        actor=request.user,
        status=data["status"],
        assignee=assignee,
        unassign=data["assignee"] == 0,
        tag=data["tag"],
    )
    messages.success(request, _("%(n)s mentions changed.") % {"n": changed})
    return _back(request)
