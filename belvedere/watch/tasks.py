"""Background work: fetch due documents and pages, competitors' feeds, trends, the digest."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.watch.models import (
    Competitor,
    DocumentVersion,
    PageSnapshot,
    PageWatch,
    TrackedDocument,
)
from belvedere.watch.services import notifications
from belvedere.watch.services.competitors import fetch_activity
from belvedere.watch.services.digest import build_digest, send_digest
from belvedere.watch.services.fetching import claim_due, fetch_document_by_id
from belvedere.watch.services.pages import check_page_by_id
from belvedere.watch.services.trends import compute_trends


@db_task()
def fetch_document(document_id: int) -> bool | None:
    outcome = fetch_document_by_id(document_id)
    return outcome.ok if outcome else None


@db_task()
def check_page(watch_id: int) -> bool | None:
    outcome = check_page_by_id(watch_id)
    return outcome.ok if outcome else None


@db_periodic_task(crontab(minute="*/5"))
def fetch_due() -> dict[str, list[int]]:
    documents, pages = claim_due(TrackedDocument), claim_due(PageWatch)
    for document_id in documents:
        fetch_document(document_id)
    for watch_id in pages:
        check_page(watch_id)
    return {"documents": documents, "pages": pages}


@db_task()
def notify_document_change(version_id: int) -> bool:
    version = DocumentVersion.objects.select_related("document__service", "previous").filter(
        pk=version_id
    )
    return bool(version) and notifications.notify_document_change(version[0]).ok


@db_task()
def notify_page_change(snapshot_id: int) -> bool:
    snapshot = PageSnapshot.objects.select_related("watch", "previous").filter(pk=snapshot_id)
    return bool(snapshot) and notifications.notify_page_change(snapshot[0]).ok


@db_task()
def fetch_competitor(competitor_id: int) -> int:
    competitor = Competitor.objects.filter(pk=competitor_id).first()
    return fetch_activity(competitor).created if competitor else 0


@db_periodic_task(crontab(minute="17", hour="*/6"))
def fetch_competitors() -> list[int]:
    ids = list(Competitor.objects.exclude(feed_urls="").values_list("id", flat=True))
    for competitor_id in ids:
        fetch_competitor(competitor_id)
    return ids


@db_periodic_task(crontab(minute="40", hour="5"))
def compute_daily_trends() -> int:
    return len(compute_trends())


@db_periodic_task(crontab(minute="0", hour="7", day_of_week="1"))
def weekly_digest() -> int:
    """Monday morning: last week's trends, then its digest, built and sent."""
    from datetime import timedelta

    from django.utils import timezone

    compute_trends(timezone.localdate() - timedelta(days=7))
    digest = build_digest()
    send_digest(digest)
    return digest.pk
