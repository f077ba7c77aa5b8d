"""Moderator notes on a member (staff only)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation.models import ModeratorNote


def add_note(member, *, actor, text: str) -> ModeratorNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the note."), code="text")
    note = ModeratorNote.objects.create(member=member, author=actor, text=text[:2000])
    record(actor, "moderation.note.add", member, staff=True, note=note.pk)
    return note
