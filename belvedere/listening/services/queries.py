"""Writes on queries. The text is checked by the parser before it is saved."""

from django.db import transaction
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.listening.models import Query
from belvedere.text.query import parse

EDITABLE = ("name", "text", "kind", "languages", "active")


@transaction.atomic
def create_query(*, actor, name: str, text: str, kind: str, languages="", active=True) -> Query:
    parse(text)  # QuerySyntaxError before anything is stored
    now = timezone.now()
    query = Query.objects.create(
        name=name,
        text=text,
        kind=kind,
        languages=languages,
        active=active,
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    record(actor, "listening.query_created", query, staff=True, text=text)
    return query


@transaction.atomic
def update_query(query: Query, *, actor, **changes) -> Query:
    if "text" in changes:
        parse(changes["text"])
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(query, n) != v]
    if not changed:
        return query
    for name in changed:
        setattr(query, name, changes[name])
    query.updated_at = timezone.now()
    query.save(update_fields=[*changed, "updated_at"])
    record(actor, "listening.query_updated", query, staff=True, fields=sorted(changed))
    return query


@transaction.atomic
def delete_query(query: Query, *, actor) -> None:
    record(actor, "listening.query_deleted", query, staff=True, text=query.text)
    query.delete()
