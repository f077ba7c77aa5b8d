"""Reads of listening: access gateways, lists with filters, the live test of a query."""

from dataclasses import dataclass
from datetime import datetime, time

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from belvedere.listening.models import Mention, Query, Source, Tag
from belvedere.listening.permissions import can_view_listening
from belvedere.listening.services.ingest import document_of
from belvedere.text.query import compile_query

PREVIEW_SCAN = 5000  # latest mentions a live test reads
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


def list_mentions(
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
) -> QuerySet[Mention]:
    """Mentions, newest first, narrowed by the inbox filters (empty ones are ignored)."""
    mentions = Mention.objects.all()
    exact = {
        "matches__query": query,
        "sentiment": sentiment,
        "platform": platform,
        "status": status,
        "assignee": assignee,
        "tags__name__iexact": tag,
        "source": source,
    }
    mentions = mentions.filter(**{k: v for k, v in exact.items() if v})
    if language:
        mentions = mentions.filter(language__istartswith=language)
    if since:
        mentions = mentions.filter(published_at__gte=_day(since))
    if until:
        mentions = mentions.filter(published_at__lte=_day(until, end=True))
    if q:
        mentions = mentions.filter(
            Q(text__icontains=q) | Q(title__icontains=q) | Q(author_name__icontains=q)
        )
    if query or tag:
        mentions = mentions.distinct()
    return _with_relations(mentions.order_by("-published_at", "-id"))


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
    """How many of the latest stored mentions ``text`` matches, and a few of them.

    Raises QuerySyntaxError for a query that does not parse."""
    matcher = compile_query(text)
    languages = tuple(code.lower() for code in languages)
    recent = Mention.objects.order_by("-published_at", "-id")[:PREVIEW_SCAN]
    count, scanned, examples = 0, 0, []
    for mention in recent.iterator(chunk_size=500):
        scanned += 1
        if languages and not mention.language.startswith(languages):
            continue
        if matcher.matches(document_of(mention)):
            count += 1
            if len(examples) < limit:
                examples.append(mention)
    return Preview(count, scanned, examples)
