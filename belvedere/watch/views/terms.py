"""Terms tracking pages: services and documents, versions, diffs, declarations."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.watch.forms import DeclarationForm, ServiceForm
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import terms as queries
from belvedere.watch.services import terms as services
from belvedere.watch.views import form_page, page_of

MAX_DECLARATION = 1024 * 1024


@role_required(Role.MODERATOR)
@require_GET
def terms_index(request: HttpRequest):
    documents = queries.list_documents(q=request.GET.get("q", "")[:100])
    if request.GET.get("format") == "csv":
        return csv_response(
            "tracked-documents.csv", queries.DOCUMENT_CSV, map(queries.document_row, documents)
        )
    context = {
        "documents": documents,
        "changes": queries.list_changes()[:20],
        "q": request.GET.get("q", ""),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/terms.html", context)


@role_required(Role.MODERATOR)
@require_GET
def change_list(request: HttpRequest):
    changes = queries.list_changes()
    if request.GET.get("format") == "csv":
        return csv_response(
            "terms-changes.csv", queries.VERSION_CSV, map(queries.version_row, changes)
        )
    return render(request, "watch/changes.html", {"page": page_of(request, changes)})


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest):
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        service = services.create_service(
            actor=request.user, name=data["name"], apprise_urls=data["apprise_urls"],
            subscribers=data["subscribers"],
        )  # fmt: skip
        return redirect("watch:service", service.pk)
    return form_page(request, form, title=_("New service"), back=reverse("watch:terms"))


@role_required(Role.MODERATOR)
@require_GET
def service_detail(request: HttpRequest, service_id: int):
    service = queries.get_service_for_user(request.user, service_id)
    context = {
        "service": service,
        "documents": queries.list_documents(service=service),
        "declaration": json.dumps(_declaration(service), indent=2, ensure_ascii=False),
        "subscribed": service.subscribers.filter(pk=request.user.pk).exists(),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/service.html", context)


def _declaration(service) -> dict:
    terms = {d.doc_type: d.declaration() for d in service.documents.all()}
    return {"name": service.name, "terms": terms}


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, service_id: int):
    service = queries.get_service_for_user(request.user, service_id)
    form = ServiceForm(request.POST or None, instance=None if request.method == "POST" else service)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_service(
            service, actor=request.user, name=data["name"], apprise_urls=data["apprise_urls"],
            subscribers=data["subscribers"],
        )  # fmt: skip
        return redirect("watch:service", service.pk)
    delete_url = reverse("watch:service_delete", args=[service.pk])
    return form_page(request, form, title=service.name, obj=service, delete_url=delete_url)


@role_required(Role.MANAGER)
@require_POST
def service_delete(request: HttpRequest, service_id: int):
    service = queries.get_service_for_user(request.user, service_id)
    services.delete_service(service, actor=request.user)
    messages.success(request, _("Service “%(name)s” deleted.") % {"name": service.name})
    return redirect("watch:terms")


@role_required(Role.MODERATOR)
@require_POST
def service_subscribe(request: HttpRequest, service_id: int):
    service = queries.get_service_for_user(request.user, service_id)
    services.subscribe(service, request.user, on=request.POST.get("on") == "1")
    return redirect("watch:service", service.pk)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def declaration_import(request: HttpRequest):
    form = DeclarationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        raw = upload.read(MAX_DECLARATION + 1) if upload else form.cleaned_data["text"].encode()
        try:
            if len(raw) > MAX_DECLARATION:
                raise ValidationError(_("The declaration is over 1 MB."))
            data = json.loads(raw.decode("utf-8"))
            service, created, updated = services.import_declaration(data, actor=request.user)
        except (ValueError, ValidationError) as exc:
            form.add_error(None, "; ".join(getattr(exc, "messages", [str(exc)])))
        else:
            note = _("%(created)s documents added, %(updated)s updated.")
            messages.success(request, note % {"created": created, "updated": updated})
            return redirect("watch:service", service.pk)
    return form_page(request, form, title=_("Import an Open Terms Archive declaration"))
