"""Watched words (CRUD, CSV import and export) and settings endpoints (managers)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Router

from belvedere.core.csv import csv_response
from belvedere.moderation import queries
from belvedere.moderation.api.common import invalid, require
from belvedere.moderation.models import WatchedWord
from belvedere.moderation.permissions import can_manage_policy
from belvedere.moderation.policy import get_settings
from belvedere.moderation.schemas import (
    ErrorOut,
    ImportIn,
    ImportOut,
    SettingsOut,
    SettingsPatch,
    WordIn,
    WordOut,
    WordPatch,
)
from belvedere.moderation.services import settings as settings_services
from belvedere.moderation.services import words as word_services

router = Router()
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _word(word_id: int) -> WatchedWord:
    word = WatchedWord.objects.filter(pk=word_id).first()
    if word is None:
        raise Http404
    return word


@router.get("/words", response={200: list[WordOut], **ERRORS}, summary="Watched words")
def list_words(request, q: str = "", action: str = ""):
    require(can_manage_policy(request.user))
    return list(queries.list_words(q, action)[:5000])


@router.post("/words", response={201: WordOut, **ERRORS}, summary="Watch a word")
def create_word(request, payload: WordIn):
    require(can_manage_policy(request.user))
    try:
        return 201, word_services.create_word(actor=request.user, **payload.dict())
    except ValidationError as error:
        return invalid(error)


@router.get("/words/export", summary="Watched words as CSV", response={200: None, **ERRORS})
def export_words(request):
    require(can_manage_policy(request.user))
    rows = word_services.export_rows(queries.list_words())
    return csv_response("watched-words.csv", word_services.CSV_HEADER, rows)


@router.post("/words/import", response={200: ImportOut, **ERRORS}, summary="Import CSV")
def import_words(request, payload: ImportIn):
    require(can_manage_policy(request.user))
    if len(payload.csv) > 1024 * 1024:
        return 422, {"detail": "The CSV is over 1 MB."}
    try:
        created, updated, errors = word_services.import_words(payload.csv, actor=request.user)
    except ValidationError as error:
        return invalid(error)
    return {"created": created, "updated": updated, "errors": errors}


@router.get("/words/{word_id}", response={200: WordOut, **ERRORS}, summary="One word")
def get_word(request, word_id: int):
    require(can_manage_policy(request.user))
    return _word(word_id)


@router.patch("/words/{word_id}", response={200: WordOut, **ERRORS}, summary="Change a word")
def update_word(request, word_id: int, payload: WordPatch):
    require(can_manage_policy(request.user))
    word = _word(word_id)
    changes = payload.dict(exclude_none=True)
    try:
        return word_services.update_word(word, actor=request.user, **changes)
    except ValidationError as error:
        return invalid(error)


@router.delete("/words/{word_id}", response={204: None, **ERRORS}, summary="Unwatch a word")
def delete_word(request, word_id: int):
    require(can_manage_policy(request.user))
    word_services.delete_word(_word(word_id), actor=request.user)
    return 204, None


@router.get("/settings", response={200: SettingsOut, **ERRORS}, summary="Settings")
def read_settings(request):
    require(can_manage_policy(request.user))
    return get_settings()


@router.patch("/settings", response={200: SettingsOut, **ERRORS}, summary="Change settings")
def update_settings(request, payload: SettingsPatch):
    require(can_manage_policy(request.user))
    try:
        return settings_services.update_settings(
            actor=request.user, **payload.dict(exclude_none=True)
        )
    except ValidationError as error:
        return invalid(error)
