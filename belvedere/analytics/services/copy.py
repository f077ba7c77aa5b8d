"""PostgreSQL fast path of the flush: COPY instead of INSERT, one UPDATE for continued visits.

Django's bulk_create prepares every value of every field in Python; for thousands of events a
batch that is most of the flush's time. COPY streams plain rows. Visit ids are taken from the
table's sequence first, so events can point at visits in the same COPY pass.
"""

import json

from django.db import connection

from belvedere.analytics.models import Event, Visit

VISIT_COLUMNS = ["id", "visitor_id", "domain", "started_at", "ended_at", "entry_page", "exit_page",
                 "pageviews", "interactions", "source", "referrer", "utm_source", "utm_medium",
                 "utm_campaign", "country", "device", "browser", "os", "language"]  # fmt: skip
EVENT_COLUMNS = ["timestamp", "name", "domain", "pathname", "visitor_id", "visit_id",
                 "interactive", "engagement_ms", "props"]  # fmt: skip
UPDATE = """
UPDATE {table} AS v SET ended_at = t.ended_at, exit_page = t.exit_page,
       pageviews = t.pageviews, interactions = t.interactions
FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[], %s::int[], %s::int[])
     AS t(id, ended_at, exit_page, pageviews, interactions)
WHERE v.id = t.id
"""


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def store(created: list[Visit], touched: list[Visit], placed: list[tuple]) -> None:
    """Insert `created` visits (ids assigned here), update `touched`, insert the events of
    `placed` ((visit, payload, time) triples)."""
    with connection.cursor() as cursor:
        if created:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Visit._meta.db_table, len(created)],
            )
            for visit, (pk,) in zip(created, cursor.fetchall(), strict=True):
                visit.pk = pk
            fields = VISIT_COLUMNS
            _copy(cursor, Visit._meta.db_table, fields,
                  ([getattr(v, f) for f in fields] for v in created))  # fmt: skip
        if touched:
            columns = ["id", "ended_at", "exit_page", "pageviews", "interactions"]
            cursor.execute(UPDATE.format(table=Visit._meta.db_table),
                           [[getattr(v, c) for v in touched] for c in columns])  # fmt: skip
        _copy(cursor, Event._meta.db_table, EVENT_COLUMNS, (
            (at, p["n"], p["d"], p["p"], p["v"], visit.pk, bool(p.get("i", True)),
             p.get("e", 0) or 0, json.dumps(p.get("props") or {}))
            for visit, p, at in placed))  # fmt: skip
