"""Writes on sources: create, update, delete, run (fetch + health + back-off), webhook secret."""

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.core.http import guarded_client
from belvedere.listening.connectors.base import ConnectorError, FetchResult, get_connector
from belvedere.listening.models import Source
from belvedere.listening.services.ingest import IngestStats, ingest
from belvedere.net import FetchError

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=24)
MAX_RESPONSE_BYTES = 5 * 1024 * 1024
CLAIM_LEASE = timedelta(minutes=15)  # a claimed source is not claimed again meanwhile
EDITABLE = ("name", "config", "interval_minutes", "enabled")


@dataclass
class RunOutcome:
    ok: bool
    fetched: int = 0
    created: int = 0
    not_modified: bool = False
    error: str = ""


@transaction.atomic
def create_source(*, actor, kind: str, name: str, config: dict, **fields) -> Source:
    now = timezone.now()
    source = Source.objects.create(
        kind=kind,
        name=name,
        config=config,
        created_by=actor,
        next_run_at=now if get_connector(kind).fetchable else None,
        created_at=now,
        updated_at=now,
        **{k: v for k, v in fields.items() if k in EDITABLE},
    )
    record(actor, "listening.source_created", source, staff=True, kind=kind)
    return source


@transaction.atomic
def update_source(source: Source, *, actor, **changes) -> Source:
    changed = [name for name, value in changes.items() if getattr(source, name) != value]
    unknown = set(changed) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not changed:
        return source
    for name in changed:
        setattr(source, name, changes[name])
    if "config" in changed:  # another address: forget what we knew of the old one
        source.etag = source.last_modified = source.cursor = ""
        changed += ["etag", "last_modified", "cursor"]
    source.updated_at = timezone.now()
    source.save(update_fields=[*changed, "updated_at"])
    record(actor, "listening.source_updated", source, staff=True, fields=sorted(changed))
    return source


@transaction.atomic
def delete_source(source: Source, *, actor) -> None:
    record(actor, "listening.source_deleted", source, staff=True, kind=source.kind)
    source.delete()


def claim_due_sources(now=None) -> list[int]:
    """Ids of the enabled sources due now, each pushed forward so no other worker takes it."""
    now = now or timezone.now()
    due = Source.objects.filter(enabled=True, next_run_at__lte=now).values_list("id", "next_run_at")
    claimed = []
    for source_id, planned in due:
        taken = Source.objects.filter(pk=source_id, next_run_at=planned).update(
            next_run_at=now + CLAIM_LEASE
        )
        if taken:
            claimed.append(source_id)
    return claimed


def backoff(source: Source, failures: int, retry_after: int | None = None) -> timedelta:
    """Exponential: the interval doubled per failure in a row, at most a day."""
    interval = timedelta(minutes=max(1, source.interval_minutes))
    delay = min(interval * (2 ** min(failures, 20)), max(MAX_BACKOFF, interval))
    return max(delay, timedelta(seconds=retry_after or 0))


def _fetch(source: Source) -> FetchResult:
    connector = get_connector(source.kind)
    if not connector.fetchable:
        raise ConnectorError("This kind of source receives mentions; it does not fetch them.")
    with guarded_client(max_bytes=MAX_RESPONSE_BYTES) as client:
        return connector.fetch(source, client)


def _succeeded(source: Source, result: FetchResult, stats: IngestStats) -> None:
    now = timezone.now()
    wait = timedelta(seconds=result.retry_after or 0)
    Source.objects.filter(pk=source.pk).update(
        etag=result.etag[:500],
        last_modified=result.last_modified[:100],
        cursor=(result.cursor or source.cursor)[:500],
        last_run_at=now,
        last_success_at=now,
        consecutive_failures=0,
        items_last_run=stats.received,
        items_fetched=F("items_fetched") + stats.received,
        mentions_created=F("mentions_created") + stats.created,
        next_run_at=now + max(timedelta(minutes=max(1, source.interval_minutes)), wait),
    )


def _failed(source: Source, message: str, retry_after: int | None) -> None:
    now = timezone.now()
    failures = source.consecutive_failures + 1
    Source.objects.filter(pk=source.pk).update(
        last_run_at=now,
        last_error_at=now,
        last_error=message[:2000],
        consecutive_failures=F("consecutive_failures") + 1,
        items_last_run=0,
        next_run_at=now + backoff(source, failures, retry_after),
    )


def run_source(source: Source, *, actor=None) -> RunOutcome:
    """Fetch one source now and store what is new. Never raises for a remote's fault:
    the error is kept on the source (its health) and the next try is pushed back."""
    if actor is not None:
        record(actor, "listening.source_run", source, staff=True)
    try:
        result = _fetch(source)
        stats = ingest(result.items, source=source) if result.items else IngestStats()
    except (ConnectorError, FetchError) as exc:
        _failed(source, str(exc), getattr(exc, "retry_after", None))
        return RunOutcome(ok=False, error=str(exc))
    except Exception as exc:  # a connector bug must not stop the other sources
        logger.exception("Listening source %s failed", source.pk)
        message = f"Unexpected error ({type(exc).__name__}); see the server log."
        _failed(source, message, None)
        return RunOutcome(ok=False, error=message)
    _succeeded(source, result, stats)
    return RunOutcome(True, stats.received, stats.created, result.not_modified)


def run_source_by_id(source_id: int) -> RunOutcome | None:
    """For tasks: ``None`` when the source is gone or disabled meanwhile."""
    source = Source.objects.filter(pk=source_id, enabled=True).first()
    return run_source(source) if source else None


def fetchable_sources(*, ids=None, every: bool = False):
    """Sources to run from the command line: these ids, every enabled one, or the due ones."""
    sources = Source.objects.filter(enabled=True).exclude(kind__in=("import", "webhook"))
    if ids:
        return Source.objects.filter(pk__in=ids)
    if every:
        return sources
    return sources.filter(Q(next_run_at__lte=timezone.now()) | Q(next_run_at=None))


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def rotate_secret(source: Source, *, actor) -> str:
    """A new webhook secret for ``source``; returned once, only its digest is kept."""
    secret = secrets.token_urlsafe(24)
    source.secret_digest = _digest(secret)
    source.updated_at = timezone.now()
    source.save(update_fields=["secret_digest", "updated_at"])
    record(actor, "listening.source_secret_rotated", source, staff=True)
    return secret


def secret_matches(source: Source, secret: str) -> bool:
    """Constant-time check of a webhook secret."""
    if not source.secret_digest:
        return False
    return hmac.compare_digest(source.secret_digest, _digest(secret or ""))
