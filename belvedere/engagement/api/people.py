"""/api/v1/engagement: people, merges, levels."""

from ninja import Query, Router
from ninja.pagination import PageNumberPagination, paginate

from belvedere.engagement.api.common import domain_errors, forbid_unless
from belvedere.engagement.models import Level
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import people as queries
from belvedere.engagement.schemas import (
    MergeOut,
    PersonDetailOut,
    PersonOut,
    ScoringIO,
    SuggestionOut,
)
from belvedere.engagement.services import merges, people, scoring

router = Router()


@router.get("/persons", response=list[PersonOut], summary="People")
@paginate(PageNumberPagination, page_size=50)
def persons(request, q: str = Query("", max_length=100), level: Level | None = None):
    forbid_unless(can_manage_engagement(request.auth))
    return queries.list_people(q=q, level=level.value if level else "")


@router.post("/persons/sync", response=dict, summary="Add people for members and authors")
def sync(request):
    forbid_unless(can_manage_engagement(request.auth))
    counts = people.sync_people(actor=request.auth)
    return counts | {"suggestions": merges.suggest_merges()}


@router.get("/persons/{person_id}", response=PersonDetailOut, summary="One person, with timeline")
def person(request, person_id: int):
    found = queries.get_person_for_user(request.auth, person_id)
    found.timeline = queries.timeline(found)
    return found


@router.get("/merges/suggestions", response=list[SuggestionOut], summary="Merge suggestions")
@paginate(PageNumberPagination, page_size=50)
def suggestions(request):
    forbid_unless(can_manage_engagement(request.auth))
    return queries.list_suggestions()


@router.post("/merges/suggestions/{suggestion_id}/accept", response=MergeOut, summary="Merge")
def accept(request, suggestion_id: int):
    suggestion = queries.get_suggestion_for_user(request.auth, suggestion_id)
    with domain_errors():
        return merges.accept_suggestion(suggestion, actor=request.auth)


@router.post("/merges/suggestions/{suggestion_id}/reject", response=SuggestionOut)
def reject(request, suggestion_id: int):
    suggestion = queries.get_suggestion_for_user(request.auth, suggestion_id)
    merges.reject_suggestion(suggestion, actor=request.auth)
    suggestion.refresh_from_db()
    return suggestion


@router.get("/merges", response=list[MergeOut], summary="Merges")
@paginate(PageNumberPagination, page_size=50)
def merge_list(request):
    forbid_unless(can_manage_engagement(request.auth))
    return queries.list_merges()


@router.post("/merges/{merge_id}/unmerge", response=PersonOut, summary="Undo a merge")
def unmerge(request, merge_id: int):
    merge = queries.get_merge_for_user(request.auth, merge_id)
    with domain_errors():
        return merges.unmerge(merge, actor=request.auth)


@router.get("/levels", response=ScoringIO, summary="Scoring weights, half-life, thresholds")
def levels(request):
    forbid_unless(can_manage_engagement(request.auth))
    return scoring.current_settings()


@router.put("/levels", response={200: ScoringIO, 422: dict}, summary="Change the scoring")
def set_levels(request, payload: ScoringIO):
    forbid_unless(can_manage_engagement(request.auth))
    if not payload.participant_at < payload.contributor_at < payload.champion_at:
        return 422, {"detail": "Thresholds must increase: participant < contributor < champion."}
    return scoring.update_scoring_settings(actor=request.auth, **payload.dict())


@router.post("/levels/recompute", response=dict, summary="Recompute every score now")
def recompute(request):
    forbid_unless(can_manage_engagement(request.auth))
    return {"scored": scoring.recompute_scores()}
