"""Terms API under /api/v1/terms: the same queries and services as the pages."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from belvedere.core import ratelimit
from belvedere.core.markdown import render_markdown
from belvedere.terms import queries, services
from belvedere.terms.models import Version
from belvedere.terms.permissions import can_accept_terms, can_manage_terms
from belvedere.terms.schemas import (
    AcceptIn,
    AcceptOut,
    ClauseOut,
    DocumentOut,
    ErrorOut,
    PendingOut,
    PublishIn,
    VersionOut,
)

router = Router()
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _invalid(error: ValidationError) -> Status:
    return Status(422, {"detail": " ".join(error.messages), "code": error.code})


def version_brief(version: Version) -> dict:
    url = reverse("terms:version", args=[version.document.slug, version.number])
    fields = ("id", "number", "effective_date", "published_at", "requires_reacceptance")
    return {**{f: getattr(version, f) for f in fields}, "summary": version.summary, "url": url}


def clause_out(clause) -> dict:
    return {
        "number": clause.number,
        "key": clause.key,
        "title": clause.title,
        "body": clause.body,
        "body_html": render_markdown(clause.body),
        "url": queries.clause_url(clause),
    }


def version_out(version: Version) -> dict:
    clauses = [clause_out(c) for c in version.clauses.all()]
    document = version.document
    brief = version_brief(version)
    return {**brief, "document": document.slug, "title": document.title, "clauses": clauses}


def pending_out(document) -> dict:
    version = document.current_version
    diff_url = None
    if document.accepted_number:
        diff_url = reverse(
            "terms:diff", args=[document.slug, document.accepted_number, version.number]
        )
    return {
        "document": document.slug,
        "title": document.title,
        "version_id": version.pk,
        "number": version.number,
        "summary": version.summary,
        "url": reverse("terms:version", args=[document.slug, version.number]),
        "diff_url": diff_url,
    }


@router.get("/documents", response=list[DocumentOut], auth=None, summary="Published documents")
def list_documents(request):
    rows = []
    for document in queries.list_documents():
        document.current_version.document = document
        rows.append(
            {
                **{f: getattr(document, f) for f in ("slug", "kind", "title")},
                "requires_acceptance": document.requires_acceptance,
                "current_version": version_brief(document.current_version),
            }
        )
    return rows


@router.get(
    "/documents/{slug}", response={200: VersionOut, 404: ErrorOut}, auth=None, summary="Current"
)
def read_current(request, slug: str):
    document = queries.get_document(slug)
    return version_out(queries.get_version_for_user(None, document))


@router.get(
    "/documents/{slug}/versions/{number}",
    response={200: VersionOut, 404: ErrorOut},
    auth=None,
    summary="A published version with its clauses",
)
def read_version(request, slug: str, number: int):
    document = queries.get_document(slug)
    return version_out(queries.get_version_for_user(None, document, number))


@router.get("/clauses/{ref}", response={200: ClauseOut, 404: ErrorOut}, auth=None)
def read_clause(request, ref: str):
    """A current clause by number ("3.2") or topic key ("harassment"), as moderation cites it."""
    clause = queries.get_clause(ref)
    if clause is None:
        raise HttpError(404, _("No such clause."))
    return clause_out(clause)


@router.get("/pending", response=list[PendingOut], summary="Documents I still have to accept")
def pending(request):
    return [pending_out(d) for d in queries.pending_documents(request.auth)]


@router.post("/accept", response={200: AcceptOut, **ERRORS}, summary="Accept current versions")
def accept(request, payload: AcceptIn):
    user = request.auth
    if not can_accept_terms(user):
        raise HttpError(403, _("You do not have permission to do this."))
    versions = list(Version.objects.filter(pk__in=payload.versions).select_related("document"))
    if len(versions) != len(set(payload.versions)):
        raise HttpError(404, _("Unknown version."))
    try:
        created = services.accept_versions(
            user, versions, language=get_language() or "", ip=ratelimit.client_ip(request)
        )
    except ValidationError as error:
        return _invalid(error)
    rows = [pending_out(d) for d in queries.pending_documents(user)]
    return {"accepted": len(created), "pending": rows}


@router.post(
    "/versions/{version_id}/publish",
    response={200: VersionOut, **ERRORS},
    summary="Publish a draft (community managers)",
)
def publish(request, version_id: int, payload: PublishIn):
    if not can_manage_terms(request.auth):
        raise HttpError(403, _("You do not have permission to do this."))
    version = Version.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        raise HttpError(404, _("Not found."))
    try:
        version = services.publish_version(version, actor=request.auth, **payload.dict())
    except ValidationError as error:
        return _invalid(error)
    return version_out(queries.get_version_for_user(request.auth, version.document, version.number))
