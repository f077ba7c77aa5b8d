"""The ingestion pipeline: normalise → canonicalise → deduplicate → analyse → match → store."""

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from belvedere.listening.analysis import MODE, analyse_texts
from belvedere.listening.connectors.base import RawMention
from belvedere.listening.models import Mention, MentionMatch, Query, Source
from belvedere.listening.normalize import mention_fields
from belvedere.text.query import (
    And,
    Document,
    Matcher,
    Near,
    Node,
    Or,
    QuerySyntaxError,
    Words,
    compile_query,
)

logger = logging.getLogger(__name__)
CHUNK = 500
REFINE_BATCH = 200  # mentions re-read by the accurate backend per minute: ~3 s of one core


@dataclass
class IngestStats:
    received: int = 0
    created: int = 0
    duplicates: int = 0
    matches: int = 0


def required_words(node: Node) -> frozenset[str] | None:
    """Words of which any matching document holds at least one (None: no such guarantee).

    A cheap pre-filter: most mentions share no word with most queries, and a set test is
    far faster than evaluating the query tree."""
    if isinstance(node, Words):
        plain = [p for p in node.parts if "*" not in p and "?" not in p]
        return frozenset(plain[:1]) if plain and node.field in ("", "title") else None
    if isinstance(node, Near):
        left = required_words(node.left)
        return left if left is not None else required_words(node.right)
    if isinstance(node, Or):
        sets = [required_words(op) for op in node.operands]
        return None if any(s is None for s in sets) else frozenset().union(*sets)
    if isinstance(node, And):
        sets = [s for s in map(required_words, node.operands) if s is not None]
        return min(sets, key=len) if sets else None
    return None  # NOT: anything may match


@dataclass(frozen=True)
class CompiledQuery:
    id: int
    matcher: Matcher
    languages: tuple[str, ...]
    required: frozenset[str] | None = None

    def accepts(self, mention: Mention, doc: Document) -> bool:
        if self.languages and not mention.language.startswith(self.languages):
            return False
        if self.required is not None and self.required.isdisjoint(doc.index("").positions):
            return False
        return self.matcher.matches(doc)


def compile_active_queries() -> list[CompiledQuery]:
    """Every active query, compiled once for a batch (a broken one is logged and skipped)."""
    compiled = []
    for query in Query.objects.filter(active=True).only("id", "text", "languages"):
        try:
            matcher = compile_query(query.text)
        except QuerySyntaxError:
            logger.warning("Listening query %s does not parse; it is skipped", query.pk)
            continue
        languages = tuple(query.language_list)
        compiled.append(CompiledQuery(query.pk, matcher, languages, required_words(matcher.tree)))
    return compiled


def document_of(mention: Mention) -> Document:
    site = mention.canonical_url or mention.community
    author = f"{mention.author_name} {mention.author_handle}"
    return Document(mention.text, mention.title, mention.language, site, author)


def _content_id(row: dict) -> str:
    key = "\n".join((row["platform"], row["author_handle"], row["title"], row["text"]))
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _unique_in_batch(rows: list[dict]) -> list[dict]:
    seen_ids, seen_urls, kept = set(), set(), []
    for row in rows:
        if not row["external_id"] and not row["url_hash"]:
            row["external_id"] = _content_id(row)
        key = (row["platform"], row["external_id"])
        if (row["external_id"] and key in seen_ids) or (row["url_hash"] in seen_urls):
            continue
        seen_ids.add(key)
        if row["url_hash"]:
            seen_urls.add(row["url_hash"])
        kept.append(row)
    return kept


def _chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _not_stored(rows: list[dict]) -> list[dict]:
    """The rows whose platform id and canonical URL are both new to the database."""
    known_ids, known_urls = set(), set()
    by_platform: dict[str, list[str]] = {}
    for row in rows:
        if row["external_id"]:
            by_platform.setdefault(row["platform"], []).append(row["external_id"])
    for platform, ids in by_platform.items():
        for chunk in _chunks(ids):
            found = Mention.objects.filter(platform=platform, external_id__in=chunk)
            known_ids.update((platform, i) for i in found.values_list("external_id", flat=True))
    hashes = [row["url_hash"] for row in rows if row["url_hash"]]
    for chunk in _chunks(hashes):
        found = Mention.objects.filter(url_hash__in=chunk).values_list("url_hash", flat=True)
        known_urls.update(found)
    return [
        row
        for row in rows
        if (row["platform"], row["external_id"]) not in known_ids
        and row["url_hash"] not in known_urls
    ]


def _analyse(mentions: list[Mention], mode: str = MODE) -> None:
    texts = [f"{m.title}\n{m.text}".strip() for m in mentions]
    for mention, result in zip(mentions, analyse_texts(texts, mode), strict=True):
        if result is None:
            continue
        mention.language = mention.language or result["language"]
        mention.sentiment = result["sentiment"]
        mention.sentiment_score = result["sentiment_score"]
        mention.sentiment_backend = result["sentiment_backend"]
        mention.toxicity = result["toxicity"]


def refine(limit: int = REFINE_BATCH) -> int:
    """Re-read with the accurate backend (e5: ~70 texts/s on one core) the newest mentions
    that ingestion scored with the fast path, so that ingestion keeps its thousands per second
    and the inbox gets the better sentiment and English toxicity within minutes. Returns how
    many mentions were re-read: 0 when e5 is not installed or nothing is left."""
    from belvedere.text import sentiment

    if not sentiment.is_accurate_available():
        return 0
    fast = Mention.objects.filter(sentiment_backend=sentiment.FAST).order_by("-id")
    mentions = list(fast[:limit])
    if not mentions:
        return 0
    _analyse(mentions, sentiment.ACCURATE)
    fields = ["language", "sentiment", "sentiment_score", "sentiment_backend", "toxicity"]
    Mention.objects.bulk_update(mentions, fields)
    return sum(m.sentiment_backend == sentiment.ACCURATE for m in mentions)


def _store(mentions: list[Mention]) -> list[Mention]:
    """Insert in bulk; if another worker stored some meanwhile, insert one by one."""
    try:
        with transaction.atomic():
            return Mention.objects.bulk_create(mentions, batch_size=CHUNK)
    except IntegrityError:
        stored = []
        for mention in mentions:
            mention.pk = None
            try:
                with transaction.atomic():
                    mention.save(force_insert=True)
            except IntegrityError:
                continue
            stored.append(mention)
        return stored


def ingest(
    raws: Sequence[RawMention],
    *,
    source: Source | None = None,
    platform: str = "",
    queries: list[CompiledQuery] | None = None,
) -> IngestStats:
    """Store the new mentions among ``raws`` and link them to the queries they match."""
    stats = IngestStats(received=len(raws))
    platform = platform or (source.kind if source else "")
    rows = _not_stored(_unique_in_batch([mention_fields(r, platform=platform) for r in raws]))
    mentions = [Mention(source=source, **row) for row in rows]
    _analyse(mentions)
    stored = _store(mentions)
    queries = compile_active_queries() if queries is None else queries
    links = [
        MentionMatch(mention=mention, query_id=query.id)
        for mention in stored
        for doc in (document_of(mention),)
        for query in queries
        if query.accepts(mention, doc)
    ]
    MentionMatch.objects.bulk_create(links, batch_size=CHUNK, ignore_conflicts=True)
    stats.created, stats.matches = len(stored), len(links)
    stats.duplicates = stats.received - stats.created
    return stats
