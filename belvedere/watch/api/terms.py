"""/api/v1/watch: services, tracked documents, versions and diffs."""

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from belvedere.core.http import check_user_url
from belvedere.watch.api.common import checked, forbid_unless, invalid
from belvedere.watch.api.schemas import (
    DeclarationIn,
    DiffOut,
    DocumentIn,
    DocumentOut,
    FetchOut,
    ImportOut,
    ServiceOut,
    VersionOut,
    VersionTextOut,
)
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import gate
from belvedere.watch.queries import terms as queries
from belvedere.watch.services import terms as services
from belvedere.watch.services.fetching import fetch_document
from belvedere.watch.validation import check_filters, check_selectors

router = Router()


@router.get("/services", response=list[ServiceOut], summary="Services")
def service_list(request):
    gate(request.auth)
    return list(queries.list_services())


@router.post("/services", response={201: ImportOut}, summary="Import an OTA declaration")
def service_import(request, payload: DeclarationIn):
    forbid_unless(can_manage_watch(request.auth))
    try:
        service, created, updated = services.import_declaration(payload.dict(), actor=request.auth)
    except DjangoValidationError as exc:
        raise invalid("terms", " ".join(exc.messages))
    body = {"service": {"id": service.pk, "name": service.name}, "created": created}
    return Status(201, {**body, "updated": updated})


@router.get("/documents", response=list[DocumentOut], summary="Tracked documents")
@paginate(PageNumberPagination, page_size=100)
def document_list(request, service_id: int | None = None):
    gate(request.auth)
    return queries.list_documents(service=service_id)


@router.post("/documents", response={201: DocumentOut}, summary="Track a document")
def document_create(request, payload: DocumentIn):
    forbid_unless(can_manage_watch(request.auth))
    service = queries.get_service_for_user(request.auth, payload.service_id)
    fields = payload.dict(exclude={"service_id"})
    fields["url"] = checked("url", check_user_url, fields["url"])
    fields["select"] = checked("select", check_selectors, fields["select"])
    fields["remove"] = checked("remove", check_selectors, fields["remove"])
    fields["filters"] = checked("filters", check_filters, fields["filters"])
    document = services.create_document(service, actor=request.auth, **fields)
    return Status(201, queries.list_documents().get(pk=document.pk))


@router.get("/documents/{document_id}", response=DocumentOut, summary="One document")
def document_detail(request, document_id: int):
    queries.get_document_for_user(request.auth, document_id)
    return queries.list_documents().get(pk=document_id)


@router.delete("/documents/{document_id}", response={204: None}, summary="Stop tracking")
def document_delete(request, document_id: int):
    document = queries.get_document_for_user(request.auth, document_id)
    forbid_unless(can_manage_watch(request.auth))
    services.delete_document(document, actor=request.auth)
    return Status(204, None)


@router.post("/documents/{document_id}/fetch", response=FetchOut, summary="Fetch now")
def document_fetch(request, document_id: int):
    document = queries.get_document_for_user(request.auth, document_id)
    forbid_unless(can_manage_watch(request.auth))
    outcome = fetch_document(document, actor=request.auth)
    return {"ok": outcome.ok, "changed": outcome.changed, "error": outcome.error}


@router.get("/documents/{document_id}/versions", response=list[VersionOut], summary="Versions")
@paginate(PageNumberPagination, page_size=100)
def version_list(request, document_id: int):
    document = queries.get_document_for_user(request.auth, document_id)
    return queries.list_versions(document)


@router.get("/changes", response=list[VersionOut], summary="Changes of every document")
@paginate(PageNumberPagination, page_size=100)
def change_list(request):
    gate(request.auth)
    return queries.list_changes()


@router.get("/versions/{version_id}", response=VersionTextOut, summary="A version and its text")
def version_detail(request, version_id: int):
    return queries.get_version_for_user(request.auth, version_id)


@router.get("/versions/{version_id}/diff", response=DiffOut, summary="What changed")
def version_diff(request, version_id: int, context: int = 2):
    version = queries.get_version_for_user(request.auth, version_id)
    diff = queries.version_diff(version, context=max(0, min(context, 50)))
    return {**diff.stats(), "rows": [row.as_dict() for row in diff.rows]}
