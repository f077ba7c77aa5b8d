"""Queue, flags and statistics endpoints."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from ninja import Router

from belvedere.moderation import queries, registry
from belvedere.moderation.api.common import invalid, item_out, require
from belvedere.moderation.models import QueueItem
from belvedere.moderation.permissions import can_flag, can_moderate
from belvedere.moderation.schemas import (
    ActIn,
    BulkIn,
    BulkOut,
    ClaimIn,
    ErrorOut,
    FlagCreated,
    FlagIn,
    ItemList,
    ItemOut,
    StatsOut,
)
from belvedere.moderation.services import flags as flag_services
from belvedere.moderation.services import queue as queue_services
from belvedere.moderation.stats import moderation_stats

router = Router()
# Fixed paths come before /queue/{item_id}, which would otherwise catch them.
ERRORS = {403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
PER_PAGE = 50


@router.get("/queue", response={200: ItemList, **ERRORS}, summary="Review queue")
def list_queue(request, status: str = "open", kind: str = "", page: int = 1):
    require(can_moderate(request.user))
    paginator = Paginator(queries.list_queue(status=status, kind=kind), PER_PAGE)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "items": [item_out(item) for item in current],
    }


@router.post("/queue/bulk", response={200: BulkOut, **ERRORS}, summary="Decide many")
def bulk(request, payload: BulkIn):
    require(can_moderate(request.user))
    if payload.action not in queue_services.ACTIONS or payload.action == "edit":
        return 422, {"detail": "Unknown action."}
    items = list(QueueItem.objects.filter(pk__in=payload.ids[:500], status="open"))
    done, errors = queue_services.bulk_decide(
        items, payload.action, actor=request.user, reason=payload.reason
    )
    return {"done": done, "errors": errors}


@router.get("/queue/{item_id}", response={200: ItemOut, **ERRORS}, summary="One item")
def get_item(request, item_id: int):
    return item_out(queries.get_item_for_user(request.user, item_id))


@router.post("/queue/{item_id}/claim", response={200: ItemOut, **ERRORS}, summary="Claim")
def claim(request, item_id: int, payload: ClaimIn):
    item = queries.get_item_for_user(request.user, item_id)
    try:
        queue_services.claim_item(item, actor=request.user, release=payload.release)
    except PermissionDenied as denied:
        return 409, {"detail": str(denied)}
    return item_out(queries.get_item_for_user(request.user, item_id))


@router.post("/queue/{item_id}/act", response={200: ItemOut, **ERRORS}, summary="Decide")
def act(request, item_id: int, payload: ActIn):
    """approve, reject, hide, delete or edit (with `text`)."""
    item = queries.get_item_for_user(request.user, item_id)
    try:
        queue_services.decide_item(
            item, payload.action, actor=request.user, reason=payload.reason, text=payload.text
        )
    except PermissionDenied as denied:
        return 409, {"detail": str(denied)}
    except ValidationError as error:
        return invalid(error)
    return item_out(queries.get_item_for_user(request.user, item_id))


@router.post("/flags", response={201: FlagCreated, **ERRORS}, summary="Flag content")
def create_flag(request, payload: FlagIn):
    require(can_flag(request.user))
    obj = registry.get_object(payload.content, payload.object_id)
    if obj is None:
        raise Http404
    try:
        flag = flag_services.flag_content(
            obj, flagger=request.user, reason=payload.reason, text=payload.text
        )
    except ValidationError as error:
        return invalid(error)
    return 201, {"id": flag.pk, "item": flag.item_id, "weight": flag.weight}


@router.get("/stats", response={200: StatsOut, **ERRORS}, summary="Statistics")
def stats(request, start: date | None = None, end: date | None = None):
    require(can_moderate(request.user))
    if start and end and start > end:
        return 422, {"detail": "start comes after end"}
    return moderation_stats(start, end)
