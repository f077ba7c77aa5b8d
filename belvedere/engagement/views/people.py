"""Member 360°: the community dashboard, people, a person's profile, identities, merges."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.engagement.forms import IdentityForm, PeopleFilterForm
from belvedere.engagement.queries import ambassadors as ambassador_queries
from belvedere.engagement.queries import events as event_queries
from belvedere.engagement.queries import people as queries
from belvedere.engagement.services import merges, people, scoring
from belvedere.engagement.views.common import error_text, paginate

MANAGER = Role.MANAGER


@role_required(MANAGER)
@require_GET
def index(request: HttpRequest):
    return render(
        request,
        "engagement/index.html",
        {
            "suggestions": queries.list_suggestions().count(),
            "people": queries.list_people().count(),
            "levels": queries.level_counts(),
            "top": queries.list_people().filter(score__gt=0).order_by("-score")[:5],
            "events": event_queries.list_events(request.user).order_by("starts_at")[:3],
            "ambassadors": ambassador_queries.count_by_status(),
            "rules": scoring.current_settings(),
        },
    )


@role_required(MANAGER)
@require_GET
def person_list(request: HttpRequest):
    form = PeopleFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = queries.list_people(q=filters.get("q", ""), level=filters.get("level", ""))
    if request.GET.get("format") == "csv":
        header = ["id", "name", "email", "level", "score", "reach", "identities"]
        return csv_response(
            "people.csv",
            header,
            (
                [
                    p.pk,
                    p.display_name,
                    p.user.email if p.user else "",
                    p.level,
                    p.score,
                    p.reach,
                    " ".join(str(i) for i in p.identities.all()),
                ]
                for p in rows.iterator(chunk_size=500)
            ),
        )
    page, query = paginate(request, rows)
    return render(request, "engagement/people.html", {"form": form, "page": page, "query": query})


@role_required(MANAGER)
@require_GET
def person_detail(request: HttpRequest, person_id: int):
    person = queries.get_person_for_user(request.user, person_id)
    return render(
        request,
        "engagement/person.html",
        {
            "person": person,
            "timeline": queries.timeline(person),
            "merges": queries.list_merges(person),
            "identity_form": IdentityForm(),
            "rules": scoring.current_settings(),
        },
    )


@role_required(MANAGER)
@require_POST
def identity_add(request: HttpRequest, person_id: int):
    person = queries.get_person_for_user(request.user, person_id)
    form = IdentityForm(request.POST)
    if form.is_valid():
        try:
            people.add_identity(person, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Identity added."))
        except IntegrityError:  # the unique (platform, handle) pair
            messages.error(request, _("This identity belongs to someone already."))
    else:
        messages.error(request, _("Check the identity: %(e)s") % {"e": form.errors.as_text()})
    return redirect("engagement:person", person.pk)


@role_required(MANAGER)
@require_POST
def sync(request: HttpRequest):
    counts = people.sync_people(actor=request.user)
    added = merges.suggest_merges()
    messages.success(
        request,
        _("%(m)d members and %(a)d authors added; %(s)d merge suggestions.")
        % {"m": counts["members"], "a": counts["authors"], "s": added},
    )
    return redirect("engagement:suggestions")


@role_required(MANAGER)
@require_GET
def suggestion_list(request: HttpRequest):
    page, query = paginate(request, queries.list_suggestions())
    return render(request, "engagement/suggestions.html", {"page": page, "query": query})


@role_required(MANAGER)
@require_POST
def suggestion_decide(request: HttpRequest, suggestion_id: int):
    suggestion = queries.get_suggestion_for_user(request.user, suggestion_id)
    try:
        if request.POST.get("decision") == "accept":
            merge = merges.accept_suggestion(suggestion, actor=request.user)
            messages.success(request, _("Merged into %(name)s.") % {"name": merge.kept})
        else:
            merges.reject_suggestion(suggestion, actor=request.user)
            messages.success(request, _("Suggestion rejected."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("engagement:suggestions")


@role_required(MANAGER)
@require_POST
def unmerge(request: HttpRequest, merge_id: int):
    merge = queries.get_merge_for_user(request.user, merge_id)
    try:
        person = merges.unmerge(merge, actor=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("%(name)s is a separate person again.") % {"name": person})
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("engagement:person", merge.kept_id)


@role_required(MANAGER)
@require_http_methods(["GET"])
def merge_list(request: HttpRequest):
    page, query = paginate(request, queries.list_merges())
    return render(request, "engagement/merges.html", {"page": page, "query": query})
