"""Fetching tracked documents and recording a version when the meaningful text changed."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.core.http import guarded_client
from belvedere.net import FetchError
from belvedere.watch.diff import diff_texts
from belvedere.watch.extract import ExtractionError, extract_text, text_hash
from belvedere.watch.models import DocumentVersion, TrackedDocument
from belvedere.watch.services.compliance import flag_items_for

logger = logging.getLogger(__name__)
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
CLAIM_LEASE = timedelta(minutes=15)
MAX_BACKOFF = timedelta(days=2)


@dataclass
class FetchOutcome:
    ok: bool
    changed: bool = False
    version: DocumentVersion | None = None
    error: str = ""


def fetch_html(client, url: str) -> str:
    response = client.get(url)
    if not 200 <= response.status_code < 300:
        raise FetchError(_("The page answered HTTP %(status)s.") % {"status": response.status_code})
    return response.text


def document_text(document: TrackedDocument, client, *, now=None) -> str:
    """The meaningful text of a document (its pages joined for a ``combine`` declaration),
    with its declared filters (``filters.py``); ``now`` dates "3 days ago"."""
    pages = document.combine or [{"fetch": document.url}]
    texts = []
    for page in pages:
        html = fetch_html(client, page["fetch"])
        select = page.get("select", document.select)
        remove = page.get("remove", document.remove)
        filters = page.get("filter", document.filters)
        texts.append(extract_text(html, select, remove, filters, now=now or timezone.now()))
    text = "\n\n".join(t for t in texts if t)
    if not text:
        raise ExtractionError(_("The selectors kept no text: check the declaration."))
    return text


@transaction.atomic
def record_version(document: TrackedDocument, text: str, *, at=None) -> DocumentVersion | None:
    """A new version when ``text`` differs from the latest one (by hash), else None."""
    latest = document.versions.order_by("-recorded_at", "-id").first()
    digest = text_hash(text)
    if latest is not None and latest.text_hash == digest:
        return None
    stats = diff_texts(latest.text, text, fold=False).stats() if latest else {}
    version = DocumentVersion.objects.create(
        document=document,
        previous=latest,
        text=text,
        text_hash=digest,
        recorded_at=at or timezone.now(),
        **stats,
    )
    if latest is not None:
        record(None, "watch.document_changed", document, version=version.pk, **stats)
        flag_items_for(version)
        transaction.on_commit(lambda: _notify_later(version.pk))
    return version


def _notify_later(version_id: int) -> None:
    from belvedere.watch.tasks import notify_document_change

    notify_document_change(version_id)


def _succeeded(document: TrackedDocument, now) -> None:
    TrackedDocument.objects.filter(pk=document.pk).update(
        last_fetched_at=now,
        last_error="",
        consecutive_failures=0,
        next_fetch_at=now + timedelta(hours=max(1, document.interval_hours)),
    )


def _failed(document: TrackedDocument, message: str, now) -> None:
    interval = timedelta(hours=max(1, document.interval_hours))
    delay = min(interval * 2 ** min(document.consecutive_failures, 10), max(MAX_BACKOFF, interval))
    TrackedDocument.objects.filter(pk=document.pk).update(
        last_fetched_at=now,
        last_error=message[:2000],
        consecutive_failures=F("consecutive_failures") + 1,
        next_fetch_at=now + delay,
    )


def fetch_document(document: TrackedDocument, *, actor=None) -> FetchOutcome:
    """Fetch now; a new version if the meaningful text changed. Never raises for the remote."""
    if actor is not None:
        record(actor, "watch.document_fetched", document, staff=True)
    now = timezone.now()
    try:
        with guarded_client(max_bytes=MAX_RESPONSE_BYTES) as client:
            text = document_text(document, client, now=now)
        version = record_version(document, text, at=now)
    except (FetchError, ExtractionError) as exc:
        _failed(document, str(exc), now)
        return FetchOutcome(ok=False, error=str(exc))
    except Exception as exc:  # one bad page must not stop the others
        logger.exception("Watch document %s failed", document.pk)
        message = _("Unexpected error (%(kind)s); see the server log.") % {
            "kind": type(exc).__name__
        }
        _failed(document, message, now)
        return FetchOutcome(ok=False, error=message)
    _succeeded(document, now)
    return FetchOutcome(ok=True, changed=version is not None, version=version)


def fetch_document_by_id(document_id: int) -> FetchOutcome | None:
    document = TrackedDocument.objects.filter(pk=document_id, enabled=True).first()
    return fetch_document(document) if document else None


def claim_due(model, now=None) -> list[int]:
    """Ids of the enabled rows of ``model`` due now, each pushed forward for other workers."""
    now = now or timezone.now()
    due = model.objects.filter(enabled=True, next_fetch_at__lte=now)
    claimed = []
    for pk, planned in due.values_list("id", "next_fetch_at"):
        taken = model.objects.filter(pk=pk, next_fetch_at=planned).update(
            next_fetch_at=now + CLAIM_LEASE
        )
        if taken:
            claimed.append(pk)
    return claimed
