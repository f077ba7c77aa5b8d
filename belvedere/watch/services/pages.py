"""Writes on page watches: create, change, delete, check (a snapshot when the text changed)."""

import logging
import re
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.core.http import guarded_client
from belvedere.net import FetchError
from belvedere.watch.diff import diff_texts
from belvedere.watch.extract import ExtractionError, extract_text, normalise, text_hash
from belvedere.watch.models import PageSnapshot, PageWatch
from belvedere.watch.services.fetching import (
    MAX_BACKOFF,
    MAX_RESPONSE_BYTES,
    FetchOutcome,
    fetch_html,
)

logger = logging.getLogger(__name__)
EDITABLE = (
    "name", "url", "selector", "ignore_patterns", "trigger_text", "enabled",
    "interval_minutes", "emails", "apprise_urls", "owner",
)  # fmt: skip


def new_token() -> str:
    return secrets.token_urlsafe(24)


@transaction.atomic
def create_watch(*, actor, **fields) -> PageWatch:
    values = {name: value for name, value in fields.items() if name in EDITABLE}
    values.setdefault("owner", actor)
    watch = PageWatch.objects.create(feed_token=new_token(), next_fetch_at=timezone.now(), **values)
    record(actor, "watch.page_created", watch, staff=True, url=watch.url)
    return watch


@transaction.atomic
def update_watch(watch: PageWatch, *, actor, **changes) -> PageWatch:
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(watch, n) != v]
    if not changed:
        return watch
    for name in changed:
        setattr(watch, name, changes[name])
    watch.save(update_fields=["owner_id" if n == "owner" else n for n in changed])
    record(actor, "watch.page_updated", watch, staff=True, fields=sorted(changed))
    return watch


@transaction.atomic
def delete_watch(watch: PageWatch, *, actor) -> None:
    record(actor, "watch.page_deleted", watch, staff=True, url=watch.url)
    watch.delete()


@transaction.atomic
def rotate_feed_token(watch: PageWatch, *, actor) -> str:
    watch.feed_token = new_token()
    watch.save(update_fields=["feed_token"])
    record(actor, "watch.page_feed_rotated", watch, staff=True)
    return watch.feed_token


def watched_text(watch: PageWatch, html: str) -> str:
    """The selected text with the ignore patterns removed, normalised (what is hashed)."""
    text = extract_text(html, [watch.selector] if watch.selector else [])
    for pattern in watch.pattern_list():
        text = re.sub(pattern, "", text)
    return normalise(text)


def _trigger_met(watch: PageWatch, old: str, new: str) -> bool:
    """No trigger: any change counts. Else the trigger must be in the new text, and new there
    or with its paragraphs changed."""
    trigger = watch.trigger_text.strip().casefold()
    if not trigger:
        return True
    around_new = [p for p in new.split("\n\n") if trigger in p.casefold()]
    around_old = [p for p in old.split("\n\n") if trigger in p.casefold()]
    return bool(around_new) and around_new != around_old


@transaction.atomic
def record_snapshot(watch: PageWatch, text: str, *, at=None) -> PageSnapshot | None:
    latest = watch.snapshots.order_by("-recorded_at", "-id").first()
    digest = text_hash(text)
    if latest is not None and latest.text_hash == digest:
        return None
    old = latest.text if latest else ""
    stats = diff_texts(old, text, fold=False).stats() if latest else {}
    now = at or timezone.now()
    snapshot = PageSnapshot.objects.create(
        watch=watch,
        previous=latest,
        text=text,
        text_hash=digest,
        triggered=latest is not None and _trigger_met(watch, old, text),
        recorded_at=now,
        **stats,
    )
    PageWatch.objects.filter(pk=watch.pk).update(last_changed_at=now)
    if snapshot.triggered:
        transaction.on_commit(lambda: _notify_later(snapshot.pk))
    return snapshot


def _notify_later(snapshot_id: int) -> None:
    from belvedere.watch.tasks import notify_page_change

    notify_page_change(snapshot_id)


def _done(watch: PageWatch, now, error: str = "") -> None:
    interval = timedelta(minutes=max(5, watch.interval_minutes))
    if error:
        failures = watch.consecutive_failures + 1
        delay = min(interval * 2 ** min(failures, 10), max(MAX_BACKOFF, interval))
        PageWatch.objects.filter(pk=watch.pk).update(
            last_checked_at=now,
            last_error=error[:2000],
            consecutive_failures=F("consecutive_failures") + 1,
            next_fetch_at=now + delay,
        )
        return
    PageWatch.objects.filter(pk=watch.pk).update(
        last_checked_at=now, last_error="", consecutive_failures=0, next_fetch_at=now + interval
    )


def check_page(watch: PageWatch, *, actor=None) -> FetchOutcome:
    """Fetch now; a snapshot if the watched text changed. Never raises for the remote."""
    if actor is not None:
        record(actor, "watch.page_checked", watch, staff=True)
    now = timezone.now()
    try:
        with guarded_client(max_bytes=MAX_RESPONSE_BYTES) as client:
            text = watched_text(watch, fetch_html(client, watch.url))
        snapshot = record_snapshot(watch, text, at=now)
    except (FetchError, ExtractionError, re.error) as exc:
        _done(watch, now, str(exc))
        return FetchOutcome(ok=False, error=str(exc))
    except Exception as exc:  # one bad page must not stop the others
        logger.exception("Page watch %s failed", watch.pk)
        message = _("Unexpected error (%(kind)s); see the server log.") % {
            "kind": type(exc).__name__
        }
        _done(watch, now, message)
        return FetchOutcome(ok=False, error=message)
    _done(watch, now)
    return FetchOutcome(ok=True, changed=snapshot is not None)


def check_page_by_id(watch_id: int) -> FetchOutcome | None:
    watch = PageWatch.objects.filter(pk=watch_id, enabled=True).first()
    return check_page(watch) if watch else None
