"""The census of external communities: register, suggestions, edit, CSV."""

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role, User
from belvedere.core.csv import csv_response
from belvedere.listening.forms_insights import CensusScoringForm, CommunityForm
from belvedere.listening.models import CommunityKind
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries_census import (
    CSV_COLUMNS,
    community_row,
    get_community_for_user,
    get_scoring,
    list_communities,
    list_suggestions,
)
from belvedere.listening.services import census as services


def _team():
    return User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)


@role_required(Role.MODERATOR)
@require_GET
def community_list(request: HttpRequest):
    kind = request.GET.get("kind", "")
    stats = list_communities(kind=kind if kind in CommunityKind.values else "")
    if request.GET.get("format") == "csv":
        return csv_response("communities.csv", CSV_COLUMNS, map(community_row, stats))
    context = {
        "stats": stats,
        "suggestions": list_suggestions(),
        "kinds": CommunityKind.choices,
        "kind": kind,
        "can_manage": can_manage_listening(request.user),
        "scoring": get_scoring(),
    }
    return render(request, "listening/communities.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def census_scoring(request: HttpRequest):
    if request.method == "POST" and request.POST.get("reset"):
        services.reset_scoring(actor=request.user)
        messages.success(request, _("Scoring back to the defaults."))
        return redirect("listening:communities")
    form = CensusScoringForm(request.POST or None, instance=get_scoring())
    if request.method == "POST" and form.is_valid():
        services.update_scoring(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Scoring saved."))
        return redirect("listening:communities")
    status = 400 if form.is_bound else 200
    return render(request, "listening/census_scoring.html", {"form": form}, status=status)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def community_create(request: HttpRequest):
    form = CommunityForm(request.POST or None, team=_team())
    if request.method == "POST" and form.is_valid():
        community = services.create_community(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Community “%(name)s” saved.") % {"name": community.name})
        return redirect("listening:communities")
    status = 400 if form.is_bound else 200
    return render(request, "listening/community_form.html", {"form": form}, status=status)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def community_edit(request: HttpRequest, community_id: int):
    community = get_community_for_user(request.user, community_id)
    instance = None if request.method == "POST" else community
    form = CommunityForm(request.POST or None, instance=instance, team=_team())
    if request.method == "POST" and form.is_valid():
        services.update_community(community, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Community saved."))
        return redirect("listening:communities")
    context = {"form": form, "community": community}
    status = 400 if form.is_bound else 200
    return render(request, "listening/community_form.html", context, status=status)


@role_required(Role.MANAGER)
@require_POST
def community_delete(request: HttpRequest, community_id: int):
    community = get_community_for_user(request.user, community_id)
    services.delete_community(community, actor=request.user)
    messages.success(request, _("Community deleted."))
    return redirect("listening:communities")


def _suggestion(request: HttpRequest):
    platform, key = request.POST.get("platform", ""), request.POST.get("key", "").lower()
    for suggestion in list_suggestions(limit=200):
        if (suggestion.platform, suggestion.key) == (platform, key):
            return suggestion
    raise Http404


@role_required(Role.MANAGER)
@require_POST
def suggestion_accept(request: HttpRequest):
    found = _suggestion(request)
    community = services.accept_suggestion(
        actor=request.user, platform=found.platform, key=found.key, kind=found.kind, url=found.url
    )
    messages.success(request, _("“%(name)s” added to the census.") % {"name": community.name})
    return redirect("listening:community_edit", community.pk)


@role_required(Role.MANAGER)
@require_POST
def suggestion_dismiss(request: HttpRequest):
    found = _suggestion(request)
    services.dismiss_suggestion(actor=request.user, platform=found.platform, key=found.key)
    messages.success(request, _("Suggestion dismissed."))
    return redirect("listening:communities")
