"""Mentions pushed in: a CSV/JSON file by a person, or a webhook call by a tool."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.listening.connectors.upload import (
    RowError,
    parse_json_items,
    parse_upload,
    read_items,
)
from belvedere.listening.models import Source
from belvedere.listening.services.ingest import ingest


@dataclass
class ImportReport:
    created: int = 0
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)


def _count(source: Source, received: int, created: int) -> None:
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_run_at=now,
        last_success_at=now,
        consecutive_failures=0,
        items_last_run=received,
        items_fetched=F("items_fetched") + received,
        mentions_created=F("mentions_created") + created,
    )


def import_file(source: Source, data: bytes, filename: str, *, actor) -> ImportReport:
    """Valid rows are stored, invalid ones reported by line; ValueError if unreadable whole."""
    platform = source.config.get("platform") or "import"
    raws, errors = parse_upload(data, filename, platform)
    with transaction.atomic():
        stats = ingest(raws, source=source, platform=platform)
        _count(source, len(raws), stats.created)
        record(
            actor,
            "listening.mentions_imported",
            source,
            staff=True,
            file=filename[:200],
            created=stats.created,
            rejected=len(errors),
        )
    return ImportReport(stats.created, stats.duplicates, errors)


def receive_webhook(source: Source, body: bytes) -> ImportReport:
    """Items of a webhook call (JSON: one object, a list, or ``{"mentions": [...]}``)."""
    platform = source.config.get("platform") or "webhook"
    raws, errors = read_items(parse_json_items(body), platform)
    stats = ingest(raws, source=source, platform=platform)
    _count(source, len(raws), stats.created)
    return ImportReport(stats.created, stats.duplicates, errors)
