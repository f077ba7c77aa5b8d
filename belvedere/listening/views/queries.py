"""Queries: list, create, edit (with a live test as you type), delete."""

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role
from belvedere.listening.forms import QueryForm, QueryTestForm
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries import get_query_for_user, list_queries, preview_query
from belvedere.listening.services import queries as services
from belvedere.text.query import QuerySyntaxError


@role_required(Role.MODERATOR)
@require_GET
def query_list(request: HttpRequest):
    context = {"queries": list_queries(), "can_manage": can_manage_listening(request.user)}
    return render(request, "listening/queries.html", context)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def query_create(request: HttpRequest):
    form = QueryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        query = services.create_query(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Query “%(name)s” saved.") % {"name": query.name})
        return redirect("listening:queries")
    status = 400 if form.is_bound else 200
    context = {"form": form, "can_manage": True}
    return render(request, "listening/query_form.html", context, status=status)


@role_required(Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def query_edit(request: HttpRequest, query_id: int):
    query = get_query_for_user(request.user, query_id)
    if request.method == "POST":
        check(can_manage_listening(request.user))
    # A bound form validates on a blank instance: the service compares old and new values.
    form = QueryForm(request.POST or None, instance=None if request.method == "POST" else query)
    if request.method == "POST" and form.is_valid():
        services.update_query(query, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Query saved."))
        return redirect("listening:queries")
    context = {"form": form, "query": query, "can_manage": can_manage_listening(request.user)}
    return render(
        request, "listening/query_form.html", context, status=400 if form.is_bound else 200
    )


@role_required(Role.MANAGER)
@require_POST
def query_delete(request: HttpRequest, query_id: int):
    query = get_query_for_user(request.user, query_id)
    services.delete_query(query, actor=request.user)
    messages.success(request, _("Query deleted."))
    return redirect("listening:queries")


@role_required(Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def query_test(request: HttpRequest):
    """HTMX partial: the count and a few matching mentions, or the error and its position."""
    form = QueryTestForm(request.POST if request.method == "POST" else request.GET)
    context: dict = {"text": ""}
    if form.is_valid() and form.cleaned_data["text"].strip():
        text, languages = form.cleaned_data["text"], form.cleaned_data["languages"]
        context["text"] = text
        try:
            codes = [c.strip() for c in languages.split(",") if c.strip()]
            context["preview"] = preview_query(text, languages=codes)
        except QuerySyntaxError as error:
            context["error"] = error
    elif not form.is_valid():
        context["too_long"] = True
    return render(request, "listening/_query_test.html", context)
