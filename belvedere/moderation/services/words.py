"""Writes on watched words (one at a time or from CSV), each recorded in the audit log.

CSV columns: pattern, action, regex (yes/no), replacement, clause, category, language.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation.models import (
    WatchedWord,
    WordAction,
    WordCategory,
    WordLanguage,
)
from belvedere.moderation.policy import invalidate
from belvedere.moderation.regexguard import validate_pattern
from belvedere.moderation.words import literal_key, wildcard_regex

FIELDS = ("pattern", "action", "is_regex", "replacement", "clause_key", "category", "language")
CSV_HEADER = ["pattern", "action", "regex", "replacement", "clause", "category", "language"]
MAX_IMPORT_ROWS = 5000
TRUE = {"1", "yes", "true", "oui", "y", "x"}


def clean_word(data: dict) -> dict:
    """Validated, normalised fields of a watched word (raises ValidationError)."""
    pattern = " ".join(str(data.get("pattern") or "").split())
    action = str(data.get("action") or "").strip().lower()
    is_regex = bool(data.get("is_regex"))
    if not pattern:
        raise ValidationError({"pattern": _("Write the word.")})
    if action not in WordAction.values:
        raise ValidationError({"action": _("Unknown action %(a)s.") % {"a": action[:20]}})
    if is_regex:
        try:
            validate_pattern(pattern)
        except ValidationError as error:
            raise ValidationError({"pattern": error.messages})
    elif not (wildcard_regex(pattern) if "*" in pattern else literal_key(pattern)):
        raise ValidationError({"pattern": _("This word has no letters or digits to look for.")})
    replacement = str(data.get("replacement") or "").strip()[:100]
    if action == WordAction.REPLACE and not replacement:
        raise ValidationError({"replacement": _("Give the replacement.")})
    category = str(data.get("category") or "").strip().lower()
    language = str(data.get("language") or "any").strip().lower() or "any"
    if category not in WordCategory.values:
        raise ValidationError({"category": _("Unknown category.")})
    if language not in WordLanguage.values:
        raise ValidationError({"language": _("Unknown language.")})
    clause_key = str(data.get("clause_key") or "").strip()[:40]
    return dict(zip(FIELDS, (pattern[:200], action, is_regex, replacement, clause_key,
                             category, language), strict=True))  # fmt: skip


def _changed():
    invalidate()
    transaction.on_commit(invalidate)


@transaction.atomic
def create_word(*, actor, **data) -> WatchedWord:
    fields = clean_word(data)
    if WatchedWord.objects.filter(pattern=fields["pattern"], is_regex=fields["is_regex"]).exists():
        raise ValidationError({"pattern": _("This word is already watched.")})
    word = WatchedWord.objects.create(created_by=actor, **fields)
    record(actor, "moderation.word.create", word, staff=True, action=word.action)
    _changed()
    return word


@transaction.atomic
def update_word(word: WatchedWord, *, actor, **data) -> WatchedWord:
    fields = clean_word({**{f: getattr(word, f) for f in FIELDS}, **data})
    duplicate = WatchedWord.objects.filter(pattern=fields["pattern"], is_regex=fields["is_regex"])
    if duplicate.exclude(pk=word.pk).exists():
        raise ValidationError({"pattern": _("This word is already watched.")})
    for name, value in fields.items():
        setattr(word, name, value)
    word.updated_at = timezone.now()
    word.save(update_fields=[*FIELDS, "updated_at"])
    record(actor, "moderation.word.update", word, staff=True, action=word.action)
    _changed()
    return word


@transaction.atomic
def delete_word(word: WatchedWord, *, actor) -> None:
    record(actor, "moderation.word.delete", word, staff=True, pattern=word.pattern)
    word.delete()
    _changed()


def _row_fields(row: dict) -> dict:
    return {
        "pattern": row.get("pattern"),
        "action": row.get("action"),
        "is_regex": str(row.get("regex") or "").strip().lower() in TRUE,
        "replacement": row.get("replacement"),
        "clause_key": row.get("clause"),
        "category": row.get("category"),
        "language": row.get("language"),
    }


def import_words(data: str, *, actor) -> tuple[int, int, list[str]]:
    """Create or update words from CSV text; returns (created, updated, errors by line)."""
    reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
    if not reader.fieldnames or "pattern" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ValidationError(_("The CSV needs a header line with at least pattern,action."))
    created = updated = 0
    errors: list[str] = []
    for line, row in enumerate(reader, start=2):
        if line > MAX_IMPORT_ROWS + 1:
            errors.append(_("Only the first %(n)d rows were read.") % {"n": MAX_IMPORT_ROWS})
            break
        row = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
        try:
            fields = clean_word(_row_fields(row))
            with transaction.atomic():
                word = WatchedWord.objects.filter(
                    pattern=fields["pattern"], is_regex=fields["is_regex"]
                ).first()
                if word is None:
                    create_word(actor=actor, **fields)
                    created += 1
                else:
                    update_word(word, actor=actor, **fields)
                    updated += 1
        except (ValidationError, IntegrityError) as error:
            messages = getattr(error, "messages", [str(error)])
            errors.append(_("Line %(n)d: %(e)s") % {"n": line, "e": " ".join(messages)})
    return created, updated, errors


def export_rows(words) -> list[list]:
    return [
        [w.pattern, w.action, "yes" if w.is_regex else "no", w.replacement, w.clause_key,
         w.category, w.language]
        for w in words
    ]  # fmt: skip
