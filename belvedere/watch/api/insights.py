"""/api/v1/watch: trends and the mentions behind them, platforms to evaluate, digests."""

from datetime import date

from django.urls import reverse
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.watch.api.common import forbid_unless, invalid
from belvedere.watch.api.schemas import (
    DigestOut,
    MentionBriefOut,
    PlatformIn,
    PlatformOut,
    TrendOut,
)
from belvedere.watch.models import Platform
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import gate
from belvedere.watch.queries import insights as queries
from belvedere.watch.services import trends as services

router = Router()


def _trend(trend) -> dict:
    fields = {name: getattr(trend, name) for name in TrendOut.model_fields if hasattr(trend, name)}
    fields["mentions_url"] = reverse("api:watch_trend_mentions", args=[trend.pk])
    fields["inbox_url"] = queries.inbox_url(trend)
    return fields


def _day(value: str | None, field: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise invalid(field, "Enter a date as YYYY-MM-DD.")


@router.get("/trends", response=list[TrendOut], summary="Trends of a week (latest by default)")
def trend_list(request, week: str | None = None, kind: str = ""):
    gate(request.auth)
    trends = queries.list_trends(week=_day(week, "week"), kind=kind[:10])
    return [_trend(trend) for trend in trends]


@router.post("/trends/compute", response=list[TrendOut], summary="Compute a week's trends now")
def trend_compute(request, week: str | None = None):
    forbid_unless(can_manage_watch(request.auth))
    return [_trend(trend) for trend in services.compute_trends(_day(week, "week"))]


@router.get(
    "/trends/{trend_id}/mentions",
    response=list[MentionBriefOut],
    summary="The mentions behind a trend",
    url_name="watch_trend_mentions",
)
@paginate(PageNumberPagination, page_size=50)
def trend_mentions(request, trend_id: int):
    return queries.trend_mentions(queries.get_trend_for_user(request.auth, trend_id))


@router.get("/platforms", response=list[PlatformOut], summary="Platforms to evaluate")
def platform_list(request, status: str = ""):
    gate(request.auth)
    return list(queries.list_platforms(status=status[:12]))


@router.post("/platforms", response={201: PlatformOut}, summary="Add a platform to evaluate")
def platform_create(request, payload: PlatformIn):
    forbid_unless(can_manage_watch(request.auth))
    if Platform.objects.filter(name__iexact=payload.name).exists():
        raise invalid("name", "This platform is already listed.")
    return Status(201, services.create_platform(actor=request.auth, **payload.dict()))


@router.get("/digests", response=list[DigestOut], summary="Weekly digests")
@paginate(PageNumberPagination, page_size=20)
def digest_list(request):
    gate(request.auth)
    return queries.list_digests().defer(None)


@router.get("/digests/{week}", response=DigestOut, summary="The digest of a week")
def digest_detail(request, week: str):
    day = _day(week, "week")
    if day is None:
        raise HttpError(404, "Not found.")
    return queries.get_digest_for_user(request.auth, day)
