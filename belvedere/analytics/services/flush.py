"""Flush the buffer: group events into visits (30-minute rule) and bulk-insert them."""

from datetime import UTC, datetime, timedelta

from django.db import connection, transaction

from belvedere.analytics.models import Event, Visit
from belvedere.analytics.services import buffer, copy, intake

VISIT_GAP = timedelta(minutes=30)
BATCH = 2000
VISIT_FIELDS = ("source", "referrer", "utm_source", "utm_medium", "utm_campaign", "country",
                "device", "browser", "os", "language")  # fmt: skip


def flush_events(max_batches: int = 50) -> int:
    """Store buffered events (this process's staged ones too); returns how many. Each batch is
    one transaction."""
    intake.flush()
    stored = 0
    for _ in range(max_batches):
        with transaction.atomic():
            batch = buffer.take(BATCH)
            if batch:
                store_events(batch)
        stored += len(batch)
        if len(batch) < BATCH:
            break
    return stored


def _new_visit(payload: dict, at: datetime) -> Visit:
    return Visit(
        visitor_id=payload["v"],
        domain=payload["d"],
        started_at=at,
        ended_at=at,
        entry_page=payload["p"],
        exit_page=payload["p"],
        **{field: payload.get(field, "") or "" for field in VISIT_FIELDS},
    )


def _apply(visit: Visit, payload: dict, at: datetime) -> None:
    name = payload["n"]
    if name == Event.PAGEVIEW:
        visit.pageviews += 1
        if at >= visit.ended_at:
            visit.exit_page = payload["p"]
    elif name != Event.ENGAGEMENT and payload.get("i", True):
        visit.interactions += 1
    visit.ended_at = max(visit.ended_at, at)


def _open_visits(batch: list[dict], first: datetime) -> dict[int, Visit]:
    visitors = {payload["v"] for payload in batch}
    recent = Visit.objects.filter(visitor_id__in=visitors, ended_at__gte=first - VISIT_GAP)
    return {visit.visitor_id: visit for visit in recent.order_by("ended_at")}


def store_events(batch: list[dict]) -> None:
    """Assign each payload to its visit (new or continued), then insert in bulk."""
    batch.sort(key=lambda payload: payload["t"])
    times = [datetime.fromtimestamp(payload["t"], tz=UTC) for payload in batch]
    visits = _open_visits(batch, times[0])
    created, touched, placed = [], {}, []
    for payload, at in zip(batch, times, strict=True):
        visit = visits.get(payload["v"])
        if visit is None or at - visit.ended_at > VISIT_GAP:
            if payload["n"] == Event.ENGAGEMENT:
                continue  # an engagement ping never opens a visit
            visit = visits[payload["v"]] = _new_visit(payload, at)
            created.append(visit)
        elif visit.pk:
            touched[visit.pk] = visit
        _apply(visit, payload, at)
        placed.append((visit, payload, at))
    if connection.vendor == "postgresql":
        copy.store(created, list(touched.values()), placed)
        return
    Visit.objects.bulk_create(created)
    Visit.objects.bulk_update(
        list(touched.values()), ["ended_at", "exit_page", "pageviews", "interactions"]
    )
    Event.objects.bulk_create([_event(visit, payload, at) for visit, payload, at in placed])


def _event(visit: Visit, payload: dict, at: datetime) -> Event:
    return Event(
        timestamp=at,
        name=payload["n"],
        domain=payload["d"],
        pathname=payload["p"],
        visitor_id=payload["v"],
        visit_id=visit.pk,
        interactive=bool(payload.get("i", True)),
        engagement_ms=payload.get("e", 0) or 0,
        props=payload.get("props") or {},
    )
