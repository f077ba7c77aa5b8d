"""/api/v1/engagement: testing programmes, applications, selection, results."""

from ninja import Router

from belvedere.engagement.api.common import domain_errors, forbid_unless
from belvedere.engagement.models import Level
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import programmes as queries
from belvedere.engagement.schemas import (
    ApplicationOut,
    ApplyIn,
    DecisionIn,
    ProgrammeIn,
    ProgrammeOut,
)
from belvedere.engagement.services import programmes as services

router = Router()


@router.get("/programmes", response=list[ProgrammeOut], summary="Testing programmes")
def programmes(request):
    return list(queries.list_programmes(request.auth)[:200])


@router.post("/programmes", response={201: ProgrammeOut, 422: dict}, summary="Create")
def create(request, payload: ProgrammeIn):
    forbid_unless(can_manage_engagement(request.auth))
    if payload.min_level not in Level.values:
        return 422, {"detail": f"min_level must be one of {', '.join(Level.values)}"}
    return 201, services.create_programme(actor=request.auth, **payload.dict())


@router.get("/programmes/{programme_id}", response=ProgrammeOut, summary="One programme")
def programme(request, programme_id: int):
    return queries.get_programme_for_user(request.auth, programme_id)


@router.post("/programmes/{programme_id}/apply", response=ApplicationOut, summary="Apply")
def apply(request, programme_id: int, payload: ApplyIn):
    found = queries.get_programme_for_user(request.auth, programme_id)
    with domain_errors():
        return services.apply(found, user=request.auth, **payload.dict())


@router.get("/programmes/{programme_id}/applications", response=list[ApplicationOut])
def applications(request, programme_id: int):
    found = queries.get_programme_for_user(request.auth, programme_id)
    forbid_unless(can_manage_engagement(request.auth))
    return list(queries.list_applications(found))


@router.post("/programmes/{programme_id}/applications/{application_id}", response=ApplicationOut)
def decide(request, programme_id: int, application_id: int, payload: DecisionIn):
    found = queries.get_programme_for_user(request.auth, programme_id)
    forbid_unless(can_manage_engagement(request.auth))
    application = queries.get_application_for_user(request.auth, found, application_id)
    with domain_errors():
        return services.decide(application, select=payload.select, actor=request.auth)


@router.get("/programmes/{programme_id}/results", response=dict, summary="Results summary")
def results(request, programme_id: int):
    found = queries.get_programme_for_user(request.auth, programme_id)
    forbid_unless(can_manage_engagement(request.auth))
    summary = queries.results(found)
    summary["feedback"] = [
        {"rating": f.rating, "worked": f.worked, "problems": f.problems, "answers": f.answers}
        for f in summary["feedback"]
    ]
    return summary


@router.post("/programmes/{programme_id}/call", response=ProgrammeOut, summary="Email the call")
def call(request, programme_id: int):
    found = queries.get_programme_for_user(request.auth, programme_id)
    forbid_unless(can_manage_engagement(request.auth))
    with domain_errors():
        return services.send_call(found, actor=request.auth)
