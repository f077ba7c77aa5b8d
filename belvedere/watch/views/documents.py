"""Tracked documents: create, edit, delete, fetch now; their versions and diffs."""

import json

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.watch.forms import DocumentForm
from belvedere.watch.models import DOCUMENT_TYPES
from belvedere.watch.permissions import can_manage_watch, can_review_item
from belvedere.watch.queries import compliance as compliance_queries
from belvedere.watch.queries import terms as queries
from belvedere.watch.services import terms as services
from belvedere.watch.services.fetching import fetch_document
from belvedere.watch.views import page_of


def _form_page(request, form, *, title, document=None):
    context = {"form": form, "title": title, "document": document, "types": DOCUMENT_TYPES}
    status = 400 if form.is_bound else 200
    return render(request, "watch/document_form.html", context, status=status)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest, service_id: int):
    service = queries.get_service_for_user(request.user, service_id)
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = services.create_document(service, actor=request.user, **form.cleaned_data)
        return redirect("watch:document", document.pk)
    return _form_page(request, form, title=_("New document of %(name)s") % {"name": service.name})


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, document_id: int):
    document = queries.get_document_for_user(request.user, document_id)
    initial = DocumentForm.initial_for(document)
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_document(document, actor=request.user, **form.cleaned_data)
        return redirect("watch:document", document.pk)
    return _form_page(request, form, title=str(document), document=document)


@role_required(Role.MANAGER)
@require_POST
def document_delete(request: HttpRequest, document_id: int):
    document = queries.get_document_for_user(request.user, document_id)
    services.delete_document(document, actor=request.user)
    messages.success(request, _("Document “%(name)s” deleted.") % {"name": document})
    return redirect("watch:service", document.service_id)


@role_required(Role.MANAGER)
@require_POST
def document_fetch(request: HttpRequest, document_id: int):
    document = queries.get_document_for_user(request.user, document_id)
    outcome = fetch_document(document, actor=request.user)
    if not outcome.ok:
        messages.error(request, _("Fetch failed: %(error)s") % {"error": outcome.error})
    elif outcome.changed:
        messages.success(request, _("A new version was recorded."))
    else:
        messages.info(request, _("No meaningful change."))
    return redirect("watch:document", document.pk)


@role_required(Role.MODERATOR)
@require_GET
def document_detail(request: HttpRequest, document_id: int):
    document = queries.get_document_for_user(request.user, document_id)
    versions = queries.list_versions(document)
    if request.GET.get("format") == "csv":
        name = f"document-{document.pk}-versions.csv"
        return csv_response(name, queries.VERSION_CSV, map(queries.version_row, versions))
    context = {
        "document": document,
        "filters_json": json.dumps(document.filters, ensure_ascii=False),
        "page": page_of(request, versions),
        "items": compliance_queries.items_for_document(document),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/document.html", context)


@role_required(Role.MODERATOR)
@require_GET
def version_detail(request: HttpRequest, version_id: int):
    version = queries.get_version_for_user(request.user, version_id)
    if request.GET.get("format") == "text":
        return render(
            request,
            "watch/version.txt",
            {"version": version},
            content_type="text/plain; charset=utf-8",
        )
    try:
        context_size = max(0, min(50, int(request.GET.get("context", 2))))
    except ValueError:
        context_size = 2
    context = {
        "version": version,
        "document": version.document,
        "diff": queries.version_diff(version, context=context_size),
        "items": compliance_queries.items_for_document(version.document),
        "can_review": can_review_item(request.user),
    }
    return render(request, "watch/version.html", context)
