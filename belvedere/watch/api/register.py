"""/api/v1/watch: the compliance register and competitors."""

from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from belvedere.accounts.models import Role, User
from belvedere.core.http import check_user_url
from belvedere.listening.models import Community, Query
from belvedere.listening.queries_dashboard import period_of
from belvedere.watch.api.common import checked, forbid_unless, invalid
from belvedere.watch.api.schemas import (
    ActivityOut,
    AssignIn,
    ComparisonOut,
    CompetitorIn,
    CompetitorOut,
    ItemIn,
    ItemOut,
    ReviewIn,
    ReviewOut,
)
from belvedere.watch.models import Competitor, Service, TrackedDocument
from belvedere.watch.permissions import can_manage_watch, can_review_item
from belvedere.watch.queries import competitors as competitor_queries
from belvedere.watch.queries import compliance as queries
from belvedere.watch.queries import gate
from belvedere.watch.services import competitors as competitor_services
from belvedere.watch.services import compliance as services

router = Router()


def _team_member(owner_id: int | None):
    if owner_id is None:
        return None
    team = User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)
    owner = team.filter(pk=owner_id).first()
    if owner is None:
        raise invalid("owner_id", "Not an active manager or admin.")
    return owner


@router.get("/compliance", response=list[ItemOut], summary="Compliance register")
@paginate(PageNumberPagination, page_size=100)
def item_list(request, status: str = "", category: str = ""):
    gate(request.auth)
    return queries.list_items(status=status[:10], category=category[:20])


@router.post("/compliance", response={201: ItemOut}, summary="Record a practice")
def item_create(request, payload: ItemIn):
    forbid_unless(can_manage_watch(request.auth))
    data = payload.dict()
    documents = TrackedDocument.objects.in_bulk([link["document_id"] for link in data["links"]])
    if len(documents) != len({link["document_id"] for link in data["links"]}):
        raise invalid("links", "Unknown document.")
    links = [(documents[x["document_id"]], x["clause"], x["anchor"]) for x in data["links"]]
    service = get_object_or_404(Service, pk=data["service_id"]) if data["service_id"] else None
    item = services.create_item(
        actor=request.auth, links=links, title=data["title"], service=service,
        category=data["category"], description=data["description"],
        owner=_team_member(data["owner_id"]),
    )  # fmt: skip
    return Status(201, queries.list_items().get(pk=item.pk))


@router.get("/compliance/{item_id}", response=ItemOut, summary="One practice")
def item_detail(request, item_id: int):
    return queries.get_item_for_user(request.auth, item_id)


@router.get("/compliance/{item_id}/reviews", response=list[ReviewOut], summary="Its reviews")
def item_reviews(request, item_id: int):
    return list(queries.get_item_for_user(request.auth, item_id).reviews.all())


@router.post("/compliance/{item_id}/review", response={201: ReviewOut}, summary="Log a review")
def item_review(request, item_id: int, payload: ReviewIn):
    item = queries.get_item_for_user(request.auth, item_id)
    forbid_unless(can_review_item(request.auth, item))
    return Status(201, services.review_item(item, actor=request.auth, **payload.dict()))


@router.post("/compliance/{item_id}/assign", response=ItemOut, summary="Assign an owner")
def item_assign(request, item_id: int, payload: AssignIn):
    item = queries.get_item_for_user(request.auth, item_id)
    forbid_unless(can_review_item(request.auth, item))
    services.assign_item(item, _team_member(payload.owner_id), actor=request.auth)
    return queries.get_item_for_user(request.auth, item_id)


@router.get("/competitors", response=list[CompetitorOut], summary="Competitors")
def competitor_list(request):
    gate(request.auth)
    return list(competitor_queries.list_competitors())


@router.post("/competitors", response={201: CompetitorOut}, summary="Add a competitor")
def competitor_create(request, payload: CompetitorIn):
    forbid_unless(can_manage_watch(request.auth))
    data = payload.dict()
    feeds = [checked("feed_urls", check_user_url, url) for url in data.pop("feed_urls")]
    queries_ = list(Query.objects.filter(pk__in=data.pop("query_ids")))
    communities = list(Community.objects.filter(pk__in=data.pop("community_ids")))
    if data["is_company"] and Competitor.objects.filter(is_company=True).exists():
        raise invalid("is_company", "Another profile is already the company.")
    competitor = competitor_services.create_competitor(
        actor=request.auth, queries=queries_, communities=communities,
        feed_urls="\n".join(feeds), social_accounts="\n".join(data.pop("social_accounts")),
        **data,
    )  # fmt: skip
    return Status(201, competitor_queries.get_competitor_for_user(request.auth, competitor.pk))


@router.get("/competitors/comparison", response=list[ComparisonOut], summary="Side by side")
def competitor_comparison(request, days: int = 90):
    gate(request.auth)
    from datetime import timedelta

    from django.utils import timezone

    last = timezone.localdate()
    period = period_of(last - timedelta(days=max(1, min(days, 731)) - 1), last)
    return competitor_queries.comparison(period)


@router.get("/competitors/{competitor_id}", response=CompetitorOut, summary="One competitor")
def competitor_detail(request, competitor_id: int):
    return competitor_queries.get_competitor_for_user(request.auth, competitor_id)


@router.get("/competitors/{competitor_id}/activity", response=list[ActivityOut], summary="Activity")
@paginate(PageNumberPagination, page_size=100)
def competitor_activity(request, competitor_id: int, kind: str = ""):
    competitor = competitor_queries.get_competitor_for_user(request.auth, competitor_id)
    return competitor_queries.list_activity(competitor, kind=kind[:10])


@router.delete("/competitors/{competitor_id}", response={204: None}, summary="Remove")
def competitor_delete(request, competitor_id: int):
    competitor = competitor_queries.get_competitor_for_user(request.auth, competitor_id)
    forbid_unless(can_manage_watch(request.auth))
    competitor_services.delete_competitor(competitor, actor=request.auth)
    return Status(204, None)
