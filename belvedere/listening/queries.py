"""Reads of listening: access gateways, lists with filters, the live test of a query."""

import operator
from dataclasses import dataclass
from datetime import datetime, time
from functools import reduce

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from belvedere.accounts.models import Role, User
from belvedere.listening import search
from belvedere.listening.models import Mention, MentionNote, Query, Source, Tag
from belvedere.listening.permissions import can_view_listening
from belvedere.listening.services.ingest import document_of
from belvedere.text.query import QuerySyntaxError, compile_query

PREVIEW_SCAN = 5000  # index candidates (newest first) a live test checks
CSV_COLUMNS = [
    "id",
    "published_at",
    "platform",
    "community",
    "author_name",
    "author_handle",
    "title",
    "text",
    "url",
    "language",
    "sentiment",
    "sentiment_score",
    "reach",
    "reach_is_estimate",
    "engagement_total",
    "status",
    "assignee",
    "tags",
    "queries",
]


def _gate(user) -> None:
    if not can_view_listening(user):
        raise PermissionDenied


def get_source_for_user(user, source_id: int) -> Source:
    _gate(user)
    return get_object_or_404(Source, pk=source_id)


def get_query_for_user(user, query_id: int) -> Query:
    _gate(user)
    return get_object_or_404(Query, pk=query_id)


def get_mention_for_user(user, mention_id: int) -> Mention:
    _gate(user)
    return get_object_or_404(_with_relations(Mention.objects.all()), pk=mention_id)


def get_mention_detail(user, mention_id: int) -> Mention:
    """The mention with its notes (and their authors) and matched queries, for its page."""
    _gate(user)
    notes = Prefetch("notes", queryset=MentionNote.objects.select_related("author"))
    mentions = _with_relations(Mention.objects.all()).prefetch_related(notes)
    return get_object_or_404(mentions, pk=mention_id)


def list_team():
    """Who mentions may be assigned to: active community managers and admins."""
    return User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)


def list_sources() -> QuerySet[Source]:
    return Source.objects.all()


def list_queries() -> QuerySet[Query]:
    return Query.objects.annotate(mention_count=Count("matches"))


def _with_relations(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    return mentions.select_related("source", "assignee").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
        Prefetch("queries", queryset=Query.objects.only("id", "name", "kind")),
    )


def _day(value, end: bool = False):
    if isinstance(value, datetime) or not value:
        return value
    moment = datetime.combine(value, time.max if end else time.min)
    return timezone.make_aware(moment, timezone.get_current_timezone())


@dataclass
class Search:
    """How the inbox search ran: a boolean query over every mention (``scanned``: those the
    full-text index gave and the query itself checked), or a plain "contains" when the text
    is not a valid query (``error`` says why)."""

    text: str
    error: str = ""
    scanned: int = 0


def _search(mentions: QuerySet[Mention], text: str) -> tuple[QuerySet[Mention], Search]:
    try:
        matcher = compile_query(text)
    except QuerySyntaxError as exc:
        contains = Q(text__icontains=text) | Q(title__icontains=text)
        contains |= Q(author_name__icontains=text) | Q(community__icontains=text)
        return mentions.filter(contains), Search(text, error=str(exc))
    found = search.candidates(mentions, matcher.tree)
    if search.is_exact(matcher.tree):
        return found, Search(text)
    fields = ("id", "title", "text", "language", "canonical_url", "community", "author_name")
    ids, scanned = [], 0
    rows = found.order_by().only(*fields, "author_handle")
    for mention in rows.iterator(chunk_size=search.SCAN_CHUNK):
        scanned += 1
        if matcher.matches(document_of(mention)):
            ids.append(mention.pk)
    return search.with_ids(Mention.objects.all(), ids), Search(text, scanned=scanned)


def filter_mentions(
    *,
    q="",
    query=None,
    sentiment="",
    language="",
    platform="",
    status="",
    since=None,
    until=None,
    assignee=None,
    tag="",
    source=None,
    community="",
) -> tuple[QuerySet[Mention], Search | None]:
    """Mentions, newest first, narrowed by the inbox filters (empty ones are ignored);
    ``q`` is a boolean query (see the query language) run over every mention (search.py)."""
    mentions = Mention.objects.all()
    exact = {
        "matches__query": query,
        "sentiment": sentiment,
        "platform": platform,
        "status": status,
        "assignee": assignee,
        "tags__name__iexact": tag,
        "source": source,
        "community__iexact": community,
    }
    mentions = mentions.filter(**{k: v for k, v in exact.items() if v})
    if language:
        mentions = mentions.filter(language__istartswith=language)
    if since:
        mentions = mentions.filter(published_at__gte=_day(since))
    if until:
        mentions = mentions.filter(published_at__lte=_day(until, end=True))
    if query or tag:
        mentions = mentions.distinct()
    search = None
    if q:
        mentions, search = _search(mentions, q)
    return _with_relations(mentions.order_by("-published_at", "-id")), search


def list_mentions(**filters) -> QuerySet[Mention]:
    return filter_mentions(**filters)[0]


def mention_row(mention: Mention) -> list:
    values = {name: getattr(mention, name, "") for name in CSV_COLUMNS}
    values["assignee"] = mention.assignee.display_name if mention.assignee else ""
    values["tags"] = ", ".join(tag.name for tag in mention.tags.all())
    values["queries"] = ", ".join(query.name for query in mention.queries.all())
    return [values[name] for name in CSV_COLUMNS]


def list_tags() -> QuerySet[Tag]:
    return Tag.objects.all()


@dataclass
class Preview:
    count: int
    scanned: int
    examples: list[Mention]


def preview_query(text: str, *, languages=(), limit: int = 5) -> Preview:
    """How many stored mentions ``text`` matches, and the newest few of them.

    The full-text index gives the candidates among all mentions (search.py); the query
    checks the newest PREVIEW_SCAN of them, so ``scanned`` (the mentions the count covers) is
    every mention unless more candidates remain, then those from the oldest checked one on.
    Raises QuerySyntaxError for a query that does not parse."""
    matcher = compile_query(text)
    mentions = Mention.objects.all()
    codes = [code.strip().lower() for code in languages if code.strip()]
    if codes:
        mentions = mentions.filter(
            reduce(operator.or_, (Q(language__istartswith=code) for code in codes))
        )
    newest = search.candidates(mentions, matcher.tree).order_by("-published_at", "-id")
    if search.is_exact(matcher.tree):
        return Preview(newest.count(), mentions.count(), list(newest[:limit]))
    count, examples, last = 0, [], None
    for mention in newest[:PREVIEW_SCAN].iterator(chunk_size=500):
        last = mention
        if matcher.matches(document_of(mention)):
            count += 1
            if len(examples) < limit:
                examples.append(mention)
    covered = mentions
    if last is not None and newest[PREVIEW_SCAN : PREVIEW_SCAN + 1].exists():
        covered = mentions.filter(
            Q(published_at__gt=last.published_at)
            | Q(published_at=last.published_at, id__gte=last.pk)
        )
    return Preview(count, covered.count(), examples)
