"""/api/v1/listening: sources, queries and mentions. Managers and admins write; moderators read."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.accounts.models import User
from belvedere.listening import queries as reads
from belvedere.listening.api_alerts import router as alerts_router
from belvedere.listening.api_insights import router as insights_router
from belvedere.listening.connectors import ConnectorError, get_connector
from belvedere.listening.permissions import can_manage_listening, can_triage_mention
from belvedere.listening.schemas import (
    MentionFilters,
    MentionOut,
    MentionPatch,
    QueryIn,
    QueryOut,
    QueryPatch,
    QueryTestIn,
    QueryTestOut,
    RunOut,
    SourceCreated,
    SourceIn,
    SourceOut,
    SourcePatch,
)
from belvedere.listening.services import mentions as mention_services
from belvedere.listening.services import queries as query_services
from belvedere.listening.services import sources as source_services
from belvedere.text.query import QuerySyntaxError

router = Router()
router.add_router("", alerts_router)
router.add_router("", insights_router)


def _forbid_unless(allowed: bool) -> None:
    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


def _invalid(field: str, message: str, **extra) -> ValidationError:
    return ValidationError(
        [{"loc": ["body", "payload", field], "msg": message, "type": "value_error", **extra}]
    )


def _config(kind: str, config: dict) -> dict:
    try:
        form = get_connector(kind).config_form(data=config)
    except ConnectorError as exc:
        raise _invalid("kind", str(exc))
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["body", "payload", "config", name], "msg": str(msg), "type": "value_error"}
                for name, messages in form.errors.items()
                for msg in messages
            ]
        )
    return form.cleaned_data


def _query_error(exc: QuerySyntaxError) -> ValidationError:
    return _invalid("text", exc.message, position=exc.position, caret=exc.caret())


@router.get("/sources", response=list[SourceOut], summary="Sources and their health")
def list_sources(request):
    reads._gate(request.auth)
    return list(reads.list_sources())


@router.post("/sources", response={201: SourceCreated}, summary="Create a source")
def create_source(request, payload: SourceIn):
    _forbid_unless(can_manage_listening(request.auth))
    config = _config(payload.kind, payload.config)
    data = payload.dict(exclude={"config", "kind"})
    source = source_services.create_source(
        actor=request.auth, kind=payload.kind, config=config, **data
    )
    out = SourceCreated.from_orm(source).dict()
    if source.kind == "webhook":
        secret = source_services.rotate_secret(source, actor=request.auth)
        url = reverse("listening:hook", args=[source.pk, secret])
        out["hook_url"] = request.build_absolute_uri(url)
    return Status(201, out)


@router.get("/sources/{source_id}", response=SourceOut, summary="One source")
def get_source(request, source_id: int):
    return reads.get_source_for_user(request.auth, source_id)


@router.patch("/sources/{source_id}", response=SourceOut, summary="Change a source")
def update_source(request, source_id: int, payload: SourcePatch):
    source = reads.get_source_for_user(request.auth, source_id)
    _forbid_unless(can_manage_listening(request.auth))
    changes = payload.dict(exclude_unset=True, exclude_none=True)
    if "config" in changes:
        changes["config"] = _config(source.kind, changes["config"])
    return source_services.update_source(source, actor=request.auth, **changes)


@router.delete("/sources/{source_id}", response={204: None}, summary="Delete a source")
def delete_source(request, source_id: int):
    source = reads.get_source_for_user(request.auth, source_id)
    _forbid_unless(can_manage_listening(request.auth))
    source_services.delete_source(source, actor=request.auth)
    return Status(204, None)


@router.post("/sources/{source_id}/run", response=RunOut, summary="Fetch a source now")
def run_source(request, source_id: int):
    source = reads.get_source_for_user(request.auth, source_id)
    _forbid_unless(can_manage_listening(request.auth))
    if not get_connector(source.kind).fetchable:
        raise HttpError(409, _("This kind of source receives mentions; it does not fetch them."))
    return source_services.run_source(source, actor=request.auth)


@router.get("/queries", response=list[QueryOut], summary="Queries")
def list_queries(request):
    reads._gate(request.auth)
    return list(reads.list_queries())


@router.post("/queries", response={201: QueryOut}, summary="Create a query")
def create_query(request, payload: QueryIn):
    _forbid_unless(can_manage_listening(request.auth))
    try:
        query = query_services.create_query(actor=request.auth, **payload.dict())
    except QuerySyntaxError as exc:
        raise _query_error(exc)
    return Status(201, query)


@router.post("/queries/test", response=QueryTestOut, summary="Test a query on stored mentions")
def test_query(request, payload: QueryTestIn):
    reads._gate(request.auth)
    codes = [c.strip() for c in payload.languages.split(",") if c.strip()]
    try:
        return reads.preview_query(payload.text, languages=codes)
    except QuerySyntaxError as exc:
        raise _query_error(exc)


@router.get("/queries/{query_id}", response=QueryOut, summary="One query")
def get_query(request, query_id: int):
    return reads.get_query_for_user(request.auth, query_id)


@router.patch("/queries/{query_id}", response=QueryOut, summary="Change a query")
def update_query(request, query_id: int, payload: QueryPatch):
    query = reads.get_query_for_user(request.auth, query_id)
    _forbid_unless(can_manage_listening(request.auth))
    try:
        changes = payload.dict(exclude_unset=True, exclude_none=True)
        return query_services.update_query(query, actor=request.auth, **changes)
    except QuerySyntaxError as exc:
        raise _query_error(exc)


@router.delete("/queries/{query_id}", response={204: None}, summary="Delete a query")
def delete_query(request, query_id: int):
    query = reads.get_query_for_user(request.auth, query_id)
    _forbid_unless(can_manage_listening(request.auth))
    query_services.delete_query(query, actor=request.auth)
    return Status(204, None)


@router.get("/mentions", response=list[MentionOut], summary="Mentions, newest first")
@paginate(PageNumberPagination, page_size=50)
def list_mentions(request, filters: Query[MentionFilters]):
    reads._gate(request.auth)
    return reads.list_mentions(**{k: v for k, v in filters.dict().items() if v})


@router.get("/mentions/{mention_id}", response=MentionOut, summary="One mention")
def get_mention(request, mention_id: int):
    return reads.get_mention_for_user(request.auth, mention_id)


@router.patch("/mentions/{mention_id}", response=MentionOut, summary="Triage a mention")
def update_mention(request, mention_id: int, payload: MentionPatch):
    mention = reads.get_mention_for_user(request.auth, mention_id)
    _forbid_unless(can_triage_mention(request.auth, mention))
    actor = request.auth
    if payload.status:
        mention_services.set_status(mention, payload.status, actor=actor)
    if payload.assignee_id is not None:
        assignee = get_object_or_404(User, pk=payload.assignee_id) if payload.assignee_id else None
        if assignee is not None and not can_triage_mention(assignee, mention):
            raise _invalid("assignee_id", _("Mentions go to community managers and admins."))
        mention_services.assign(mention, assignee, actor=actor)
    if payload.tags is not None:
        mention_services.set_tags(mention, payload.tags, actor=actor)
    if payload.note:
        mention_services.add_note(mention, payload.note, actor=actor)
    return reads.get_mention_for_user(request.auth, mention.pk)
