"""/api/v1/watch/pages: page watches, their snapshots and diffs."""

from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from belvedere.core.http import check_user_url
from belvedere.watch import validation
from belvedere.watch.api.common import checked, forbid_unless
from belvedere.watch.api.schemas import (
    DiffOut,
    FetchOut,
    PageWatchIn,
    PageWatchOut,
    PageWatchPatch,
    SnapshotOut,
)
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import gate
from belvedere.watch.queries import pages as queries
from belvedere.watch.services import pages as services

router = Router()
CHECKS = {
    "url": check_user_url,
    "selector": lambda value: validation.check_selector(value) if value.strip() else "",
    "ignore_patterns": validation.clean_patterns,
    "emails": validation.clean_emails,
    "apprise_urls": validation.clean_apprise_urls,
}


def _clean(fields: dict) -> dict:
    return {
        name: checked(name, CHECKS[name], value) if name in CHECKS else value
        for name, value in fields.items()
    }


@router.get("/pages", response=list[PageWatchOut], summary="Page watches")
@paginate(PageNumberPagination, page_size=100)
def watch_list(request):
    gate(request.auth)
    return queries.list_watches()


@router.post("/pages", response={201: PageWatchOut}, summary="Watch a page")
def watch_create(request, payload: PageWatchIn):
    forbid_unless(can_manage_watch(request.auth))
    watch = services.create_watch(actor=request.auth, **_clean(payload.dict()))
    return Status(201, queries.list_watches().get(pk=watch.pk))


@router.get("/pages/{watch_id}", response=PageWatchOut, summary="One page watch")
def watch_detail(request, watch_id: int):
    queries.get_watch_for_user(request.auth, watch_id)
    return queries.list_watches().get(pk=watch_id)


@router.patch("/pages/{watch_id}", response=PageWatchOut, summary="Change a page watch")
def watch_update(request, watch_id: int, payload: PageWatchPatch):
    watch = queries.get_watch_for_user(request.auth, watch_id)
    forbid_unless(can_manage_watch(request.auth))
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    services.update_watch(watch, actor=request.auth, **_clean(changes))
    return queries.list_watches().get(pk=watch_id)


@router.delete("/pages/{watch_id}", response={204: None}, summary="Stop watching")
def watch_delete(request, watch_id: int):
    watch = queries.get_watch_for_user(request.auth, watch_id)
    forbid_unless(can_manage_watch(request.auth))
    services.delete_watch(watch, actor=request.auth)
    return Status(204, None)


@router.post("/pages/{watch_id}/check", response=FetchOut, summary="Check now")
def watch_check(request, watch_id: int):
    watch = queries.get_watch_for_user(request.auth, watch_id)
    forbid_unless(can_manage_watch(request.auth))
    outcome = services.check_page(watch, actor=request.auth)
    return {"ok": outcome.ok, "changed": outcome.changed, "error": outcome.error}


@router.get("/pages/{watch_id}/snapshots", response=list[SnapshotOut], summary="History")
@paginate(PageNumberPagination, page_size=100)
def snapshot_list(request, watch_id: int):
    return queries.list_snapshots(queries.get_watch_for_user(request.auth, watch_id))


@router.get("/snapshots/{snapshot_id}/diff", response=DiffOut, summary="What changed")
def snapshot_diff(request, snapshot_id: int):
    snapshot = queries.get_snapshot_for_user(request.auth, snapshot_id)
    diff = queries.snapshot_diff(snapshot)
    return {**diff.stats(), "rows": [row.as_dict() for row in diff.rows]}
