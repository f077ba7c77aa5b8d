"""/api/v1/listening: dashboard figures and the census of communities."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from belvedere.accounts.models import Role, User
from belvedere.core.http import check_user_url
from belvedere.listening.api_alerts import forbid_unless, invalid
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries import _gate
from belvedere.listening.queries_census import (
    community_stats,
    get_community_for_user,
    get_scoring,
    list_communities,
    list_suggestions,
)
from belvedere.listening.queries_dashboard import dashboard, period_of
from belvedere.listening.schemas_insights import (
    CensusScoringOut,
    CensusScoringPatch,
    CommunityIn,
    CommunityOut,
    CommunityPatch,
    DashboardFilters,
    SuggestionIn,
    SuggestionOut,
)
from belvedere.listening.services import census as services

router = Router()


def _day_counts(pairs) -> list[dict]:
    return [{"day": day.isoformat(), "mentions": n} for day, n in pairs]


@router.get("/dashboard", response=dict, summary="Dashboard figures (same as the page)")
def dashboard_figures(request, filters: Query[DashboardFilters]):
    _gate(request.auth)
    figures = dashboard(period_of(filters.since, filters.until), filters.query)
    period, previous = figures.pop("period"), figures.pop("previous")
    figures["volume"] = _day_counts(figures["volume"])
    figures["volume_previous"] = _day_counts(figures["volume_previous"])
    figures["since"], figures["until"] = period.first.isoformat(), period.last.isoformat()
    figures["previous_since"] = previous.first.isoformat()
    figures["previous_until"] = previous.last.isoformat()
    figures["reputation_formula"] = "100 * sum(w*s) / sum(w), w = ln(1 + reach), s in {-1, 0, 1}"
    return figures


def _out(stats) -> dict:
    c = stats.community
    fields = {name: getattr(c, name) for name in CommunityOut.model_fields if hasattr(c, name)}
    return fields | {
        "owner_id": c.owner_id,
        "mentions": stats.mentions,
        "per_week": stats.per_week,
        "sentiment_balance": stats.sentiment_balance,
        "impact": stats.impact,
        "size_is_estimate": stats.size_is_estimate,
        "size": stats.size,
    }


def _fields(changes: dict) -> dict:
    if changes.get("url"):
        try:
            changes["url"] = check_user_url(changes["url"].strip(), resolve=False)
        except DjangoValidationError as exc:
            raise invalid({"url": " ".join(exc.messages)})
    if "match_key" in changes and changes["match_key"] is not None:
        changes["match_key"] = changes["match_key"].strip().lower()
    if "owner_id" in changes:
        owner_id = changes.pop("owner_id")
        team = User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)
        changes["owner"] = team.filter(pk=owner_id).first() if owner_id else None
        if owner_id and changes["owner"] is None:
            raise invalid({"owner_id": _("The owner must be a community manager or an admin.")})
    return changes


@router.get("/communities", response=list[CommunityOut], summary="The census, by impact")
def communities(request):
    _gate(request.auth)
    return [_out(stats) for stats in list_communities()]


@router.post("/communities", response={201: CommunityOut}, summary="Add a community")
def create_community(request, payload: CommunityIn):
    forbid_unless(can_manage_listening(request.auth))
    community = services.create_community(actor=request.auth, **_fields(payload.dict()))
    return Status(201, _out(community_stats([community])[0]))


@router.get("/communities/scoring", response=CensusScoringOut, summary="Impact score constants")
def census_scoring(request):
    _gate(request.auth)
    return get_scoring()


@router.patch("/communities/scoring", response=CensusScoringOut, summary="Change the constants")
def update_census_scoring(request, payload: CensusScoringPatch):
    forbid_unless(can_manage_listening(request.auth))
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return services.update_scoring(actor=request.auth, **changes)


@router.get("/communities/suggestions", response=list[SuggestionOut], summary="Suggestions")
def suggestions(request):
    _gate(request.auth)
    return [
        {
            "platform": s.platform,
            "key": s.key,
            "kind": s.kind,
            "mentions": s.mentions,
            "authors": s.authors,
        }
        for s in list_suggestions(limit=100)
    ]


def _suggestion(payload: SuggestionIn):
    for suggestion in list_suggestions(limit=200):
        if (suggestion.platform, suggestion.key) == (payload.platform, payload.key.lower()):
            return suggestion
    raise HttpError(404, _("No such suggestion."))


@router.post("/communities/suggestions/accept", response={201: CommunityOut}, summary="Accept")
def accept_suggestion(request, payload: SuggestionIn):
    forbid_unless(can_manage_listening(request.auth))
    s = _suggestion(payload)
    community = services.accept_suggestion(
        actor=request.auth, platform=s.platform, key=s.key, kind=s.kind, url=s.url
    )
    return Status(201, _out(community_stats([community])[0]))


@router.post("/communities/suggestions/dismiss", response={204: None}, summary="Dismiss")
def dismiss_suggestion(request, payload: SuggestionIn):
    forbid_unless(can_manage_listening(request.auth))
    s = _suggestion(payload)
    services.dismiss_suggestion(actor=request.auth, platform=s.platform, key=s.key)
    return Status(204, None)


@router.get("/communities/{community_id}", response=CommunityOut, summary="One community")
def community(request, community_id: int):
    return _out(community_stats([get_community_for_user(request.auth, community_id)])[0])


@router.patch("/communities/{community_id}", response=CommunityOut, summary="Change one")
def update_community(request, community_id: int, payload: CommunityPatch):
    community = get_community_for_user(request.auth, community_id)
    forbid_unless(can_manage_listening(request.auth))
    changes = payload.dict(exclude_unset=True)
    nullable = ("size", "size_date", "owner_id")
    changes = {k: v for k, v in changes.items() if v is not None or k in nullable}
    services.update_community(community, actor=request.auth, **_fields(changes))
    return _out(community_stats([community])[0])


@router.delete("/communities/{community_id}", response={204: None}, summary="Remove one")
def delete_community(request, community_id: int):
    community = get_community_for_user(request.auth, community_id)
    forbid_unless(can_manage_listening(request.auth))
    services.delete_community(community, actor=request.auth)
    return Status(204, None)
