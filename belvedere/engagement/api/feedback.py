"""/api/v1/engagement: feedback questions of programmes and events, and feedback itself."""

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError

from belvedere.engagement.api.common import domain_errors, forbid_unless
from belvedere.engagement.forms_feedback import QuestionForm, answers_form
from belvedere.engagement.models import FeedbackQuestion
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import events as event_queries
from belvedere.engagement.queries import programmes as programme_queries
from belvedere.engagement.schemas import (
    EventFeedbackIn,
    FeedbackOut,
    ProgrammeFeedbackIn,
    QuestionIn,
    QuestionOut,
)
from belvedere.engagement.services import events as event_services
from belvedere.engagement.services import feedback as services
from belvedere.engagement.services import programmes as programme_services

router = Router()


def _owner(request, owner: str, owner_id: int):
    if owner == "programmes":
        return programme_queries.get_programme_for_user(request.auth, owner_id)
    return event_queries.get_event_for_user(request.auth, owner_id)


def _errors(form) -> str:
    return " ".join(f"{name}: {error}" for name, errors in form.errors.items() for error in errors)


def _answers(questions, given: dict) -> dict:
    with domain_errors():
        form = answers_form(questions, given)
    if not form.is_valid():
        raise HttpError(422, _errors(form))
    return form.answers()


def _add(request, found, payload: QuestionIn):
    forbid_unless(can_manage_engagement(request.auth))
    form = QuestionForm(payload.dict())
    if not form.is_valid():
        raise HttpError(422, _errors(form))
    with domain_errors():
        return 201, services.add_question(found, actor=request.auth, **form.cleaned_data)


@router.get("/programmes/{programme_id}/questions", response=list[QuestionOut])
def programme_questions(request, programme_id: int):
    return list(_owner(request, "programmes", programme_id).questions.all())


@router.post("/programmes/{programme_id}/questions", response={201: QuestionOut})
def programme_question_add(request, programme_id: int, payload: QuestionIn):
    return _add(request, _owner(request, "programmes", programme_id), payload)


@router.get("/events/{event_id}/questions", response=list[QuestionOut])
def event_questions(request, event_id: int):
    return list(_owner(request, "events", event_id).questions.all())


@router.post("/events/{event_id}/questions", response={201: QuestionOut})
def event_question_add(request, event_id: int, payload: QuestionIn):
    return _add(request, _owner(request, "events", event_id), payload)


@router.delete("/questions/{question_id}", response={204: None})
def question_delete(request, question_id: int):
    forbid_unless(can_manage_engagement(request.auth))
    services.delete_question(
        get_object_or_404(FeedbackQuestion, pk=question_id), actor=request.auth
    )
    return 204, None


@router.post("/events/{event_id}/feedback", response=FeedbackOut, summary="Rate an event")
def event_feedback(request, event_id: int, payload: EventFeedbackIn):
    found = event_queries.get_event_for_user(request.auth, event_id)
    answers = _answers(list(found.questions.all()), payload.answers)
    with domain_errors():
        return event_services.submit_feedback(
            found, user=request.auth, rating=payload.rating, comment=payload.comment,
            answers=answers,
        )  # fmt: skip


@router.post("/programmes/{programme_id}/feedback", response=FeedbackOut, summary="Tester feedback")
def programme_feedback(request, programme_id: int, payload: ProgrammeFeedbackIn):
    found = programme_queries.get_programme_for_user(request.auth, programme_id)
    answers = _answers(list(found.questions.all()), payload.answers)
    values = payload.dict(exclude={"answers"})
    with domain_errors():
        return programme_services.submit_programme_feedback(
            found, user=request.auth, answers=answers, **values
        )
