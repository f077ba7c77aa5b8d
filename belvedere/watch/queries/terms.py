"""Reads of terms tracking: services, documents, versions and their diffs."""

from django.db.models import Count, Max, OuterRef, Prefetch, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from belvedere.watch.diff import Diff, diff_texts
from belvedere.watch.models import DocumentVersion, Service, TrackedDocument
from belvedere.watch.queries import gate

DOCUMENT_CSV = ["id", "service", "doc_type", "url", "enabled", "versions", "last_change",
                "last_fetched_at", "last_error"]  # fmt: skip
VERSION_CSV = ["id", "service", "doc_type", "recorded_at", "added", "removed", "changed"]
VERSION_LIST_FIELDS = ("id", "document_id", "previous_id", "recorded_at", "added", "removed",
                       "changed", "text_hash")  # fmt: skip


def get_service_for_user(user, service_id: int) -> Service:
    gate(user)
    return get_object_or_404(Service, pk=service_id)


def get_document_for_user(user, document_id: int) -> TrackedDocument:
    gate(user)
    return get_object_or_404(TrackedDocument.objects.select_related("service"), pk=document_id)


def get_version_for_user(user, version_id: int) -> DocumentVersion:
    gate(user)
    versions = DocumentVersion.objects.select_related("document__service", "previous")
    return get_object_or_404(versions, pk=version_id)


def list_services() -> QuerySet[Service]:
    return Service.objects.annotate(document_count=Count("documents", distinct=True))


def list_documents(*, service=None, q: str = "") -> QuerySet[TrackedDocument]:
    latest = DocumentVersion.objects.filter(document=OuterRef("pk"), previous__isnull=False)
    documents = TrackedDocument.objects.select_related("service").annotate(
        version_count=Count("versions"),
        last_change=Subquery(latest.order_by("-recorded_at").values("recorded_at")[:1]),
    )
    if service:
        documents = documents.filter(service=service)
    if q:
        documents = documents.filter(doc_type__icontains=q) | documents.filter(
            service__name__icontains=q
        )
    return documents.order_by("service__name", "doc_type")


def document_row(document) -> list:
    return [document.pk, document.service.name, document.doc_type, document.url,
            document.enabled, document.version_count, document.last_change,
            document.last_fetched_at, document.last_error]  # fmt: skip


def list_versions(document=None) -> QuerySet[DocumentVersion]:
    """Versions without their text (lists), newest first."""
    versions = DocumentVersion.objects.select_related("document__service").only(
        *VERSION_LIST_FIELDS, "document__doc_type", "document__service__name"
    )
    return versions.filter(document=document) if document else versions


def list_changes(since=None) -> QuerySet[DocumentVersion]:
    """Versions that are changes (not the first of their document)."""
    versions = list_versions().filter(previous__isnull=False)
    return versions.filter(recorded_at__gte=since) if since else versions


def version_row(version) -> list:
    document = version.document
    return [version.pk, document.service.name, document.doc_type, version.recorded_at,
            version.added, version.removed, version.changed]  # fmt: skip


def version_diff(version: DocumentVersion, *, context: int = 2) -> Diff:
    old = version.previous.text if version.previous_id else ""
    return diff_texts(old, version.text, context=context)


def services_with_documents() -> QuerySet[Service]:
    documents = Prefetch(
        "documents",
        queryset=TrackedDocument.objects.annotate(
            version_count=Count("versions"), last_recorded=Max("versions__recorded_at")
        ),
    )
    return Service.objects.prefetch_related(documents, "subscribers")
