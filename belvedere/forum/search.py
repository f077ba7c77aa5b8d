"""Full-text search of posts, in French and English, on either database.

PostgreSQL: each post has a `PostSearch` row whose tsvector is built with the configuration of
the post's detected language (`belvedere_fr`, `belvedere_en`, else `belvedere_simple`; all fold
accents with unaccent, the first two stem); a query is tried in the three configurations and
ranked with ts_rank. SQLite: an FTS5 table (`porter unicode61 remove_diacritics 2`) ranked with
bm25. The title of a topic is indexed with its first post, weighted above the body.

Results only ever include published, visible posts of visible topics in categories the reader
may read; snippets are escaped, with matches wrapped in <mark>.
"""

import html
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from belvedere.forum.models import Category, Post, PostSearch
from belvedere.forum.queries import VISIBLE, readable_categories, visible_topics_q
from belvedere.moderation.censor import censor
from belvedere.text.language import detect

CONFIGS = {"fr": "belvedere_fr", "en": "belvedere_en"}
FALLBACK_CONFIG = "belvedere_simple"
START, STOP = "\u27e6", "\u27e7"  # match markers, turned into <mark> after escaping
MAX_QUERY = 200
RESULTS_PER_PAGE = 20
_WORD = re.compile(r'"[^"]+"|[^\W_][\w\'’-]*')
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


@dataclass
class SearchFilters:
    q: str
    category: Category | None = None
    author_id: int | None = None
    after: date | None = None
    before: date | None = None


def filters_from(user, data: dict) -> SearchFilters:
    """SearchFilters from a valid SearchForm's data; unknown category or author match nothing."""
    data = {k: _clean(v) if isinstance(v, str) else v for k, v in data.items()}
    category = None
    if data.get("category"):
        category = readable_categories(user).filter(slug=data["category"]).first()
        if category is None:
            return SearchFilters(q="")
    author_id = None
    if data.get("author"):
        author = get_user_model().objects.filter(display_name__iexact=data["author"]).first()
        if author is None:
            return SearchFilters(q="")
        author_id = author.pk
    return SearchFilters(
        q=data.get("q", ""),
        category=category,
        author_id=author_id,
        after=data.get("after"),
        before=data.get("before"),
    )


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _clean(text: str) -> str:
    return (text or "").replace(START, " ").replace(STOP, " ").replace("\x00", " ")


def index_post(post: Post) -> str:
    """(Re)index one post and store its detected language; returns the language."""
    title = post.topic.title if post.number == 1 else ""
    body = _clean(post.body)
    language, _confidence = detect(f"{title}\n{body}")
    if post.language != language:
        post.language = language
        post.save(update_fields=["language"])
    if is_postgres():
        config = CONFIGS.get(language, FALLBACK_CONFIG)
        vector = SearchVector(Value(_clean(title)), config=config, weight="A") + SearchVector(
            Value(body), config=config, weight="B"
        )
        PostSearch.objects.update_or_create(
            post=post, defaults={"config": config, "vector": vector}
        )
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT OR REPLACE INTO forum_post_fts(rowid, title, body) VALUES (%s, %s, %s)",
                [post.pk, _clean(title), body],
            )
    return language


def fts5_query(q: str) -> str:
    """A safe FTS5 MATCH expression: every word (or "quoted phrase") must appear."""
    terms = [term.strip('"').replace('"', " ").strip() for term in _WORD.findall(q)]
    return " AND ".join(f'"{term}"' for term in terms if term)


def _pg_query(q: str):
    query = None
    for config in (*CONFIGS.values(), FALLBACK_CONFIG):
        one = SearchQuery(q, config=config, search_type="websearch")
        query = one if query is None else query | one
    return query


def searchable_posts(user) -> QuerySet[Post]:
    """Posts search may show `user`: visible posts of visible topics in readable categories."""
    return Post.objects.filter(
        VISIBLE,
        visible_topics_q("topic__"),
        topic__category__in=readable_categories(user),
    )


def _filtered(posts: QuerySet[Post], filters: SearchFilters) -> QuerySet[Post]:
    if filters.category is not None:
        posts = posts.filter(
            Q(topic__category=filters.category) | Q(topic__category__parent=filters.category)
        )
    if filters.author_id:
        posts = posts.filter(author_id=filters.author_id)
    tz = timezone.get_current_timezone()
    if filters.after:
        posts = posts.filter(created_at__gte=datetime.combine(filters.after, time.min, tz))
    if filters.before:
        end = datetime.combine(filters.before + timedelta(days=1), time.min, tz)
        posts = posts.filter(created_at__lt=end)
    return posts


def search_posts(user, filters: SearchFilters) -> QuerySet[Post]:
    """Matching posts `user` may read, best first, annotated with `rank`."""
    q = " ".join(_clean(filters.q).split())[:MAX_QUERY]
    posts = _filtered(searchable_posts(user), filters)
    if is_postgres():
        if not q:
            return posts.none()
        query = _pg_query(q)
        posts = posts.filter(search__vector=query).annotate(
            rank=SearchRank(F("search__vector"), query)
        )
    else:
        match = fts5_query(q)
        if not match:
            return posts.none()
        ids = RawSQL("SELECT rowid FROM forum_post_fts WHERE forum_post_fts MATCH %s", [match])
        bm25 = RawSQL(
            "SELECT -bm25(forum_post_fts, 4.0, 1.0) FROM forum_post_fts "
            'WHERE forum_post_fts MATCH %s AND rowid = "forum_post"."id"',
            [match],
            output_field=FloatField(),
        )
        posts = posts.filter(pk__in=ids).annotate(rank=bm25)
    return posts.select_related("topic__category", "author").order_by("-rank", "-created_at")


def mark(snippet: str) -> str:
    """Escape a snippet and turn its match markers into <mark> (stray markers dropped)."""
    escaped = _MARKED.sub(r"<mark>\1</mark>", html.escape(snippet))
    return escaped.replace(START, "").replace(STOP, "")


def attach_snippets(posts: list[Post], q: str) -> None:
    """Set `post.snippet` (safe HTML) on a page of results: one query."""
    if not posts:
        return
    ids = [p.pk for p in posts]
    if is_postgres():
        rows = Post.objects.filter(pk__in=ids).annotate(
            headline=SearchHeadline(
                "body",
                _pg_query(" ".join(q.split())[:MAX_QUERY]),
                config=F("search__config"),
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        found = dict(rows.values_list("pk", "headline"))
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(forum_post_fts, 1, %s, %s, '…', 24) FROM forum_post_fts "
                "WHERE forum_post_fts MATCH %s AND rowid IN (SELECT value FROM json_each(%s))",
                [START, STOP, fts5_query(q), json.dumps(ids)],
            )
            found = dict(cursor.fetchall())
    for post in posts:
        post.snippet = censor(mark(found.get(post.pk) or post.body[:200]))


# Reindexing in bulk (posts made with bulk_create: demo and bench data, restores) ------------

REINDEX_BATCH = 2000
_VISIBLE_TOPIC = "t.deleted_at IS NULL AND t.hidden_at IS NULL AND t.moderation_state = 'published'"
_CLEAN_SQL = "replace(replace({}, '\u27e6', ' '), '\u27e7', ' ')"
_PG_REINDEX = f"""
INSERT INTO forum_postsearch (post_id, config, vector)
SELECT p.id, c.config,
       setweight(to_tsvector(c.config::regconfig,
                 CASE WHEN p.number = 1 THEN {_CLEAN_SQL.format("t.title")} ELSE '' END), 'A')
       || setweight(to_tsvector(c.config::regconfig, {_CLEAN_SQL.format("p.body")}), 'B')
FROM forum_post p
JOIN forum_topic t ON t.id = p.topic_id
CROSS JOIN LATERAL (SELECT CASE p.language WHEN 'fr' THEN '{CONFIGS["fr"]}'
                    WHEN 'en' THEN '{CONFIGS["en"]}' ELSE '{FALLBACK_CONFIG}' END AS config) c
WHERE p.id = ANY(%s) AND {_VISIBLE_TOPIC}
ON CONFLICT (post_id) DO UPDATE SET config = EXCLUDED.config, vector = EXCLUDED.vector
"""  # noqa: S608 (built from constants)
_SQLITE_REINDEX = f"""
INSERT OR REPLACE INTO forum_post_fts(rowid, title, body)
SELECT p.id, CASE WHEN p.number = 1 THEN {_CLEAN_SQL.format("t.title")} ELSE '' END,
       {_CLEAN_SQL.format("p.body")}
FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id
WHERE p.id IN (SELECT value FROM json_each(%s)) AND {_VISIBLE_TOPIC}
"""  # noqa: S608 (built from constants)


def indexable_posts() -> QuerySet[Post]:
    """Visible posts, the candidates for the index (the SQL also checks their topic: a keyset
    scan over the primary key stays fast without the join)."""
    return Post.objects.filter(VISIBLE)


def _detect_missing_languages(ids: list[int]) -> None:
    """Detect and store the language of the posts among `ids` that have none (one UPDATE per
    language found)."""
    rows = Post.objects.filter(pk__in=ids, language="").values_list(
        "pk", "number", "body", "topic__title"
    )
    by_language: dict[str, list[int]] = {}
    for pk, number, body, title in rows:
        language, _confidence = detect(f"{title if number == 1 else ''}\n{_clean(body)}")
        by_language.setdefault(language, []).append(pk)
    for language, pks in by_language.items():
        Post.objects.filter(pk__in=pks).update(language=language)


def _index_batch(ids: list[int]) -> int:
    with connection.cursor() as cursor:
        if is_postgres():
            cursor.execute(_PG_REINDEX, [ids])
        else:
            cursor.execute(_SQLITE_REINDEX, [json.dumps(ids)])
        return cursor.rowcount


def reindex_posts(*, batch: int = REINDEX_BATCH, progress=None) -> int:
    """(Re)index every visible post, `batch` posts per statement (keyset over ids), and store
    the languages not detected yet. Search documents are built by the database (one INSERT …
    SELECT per batch). `progress(n)` is called with the posts looked at in each batch.
    Returns the number indexed."""
    if not is_postgres():
        with connection.cursor() as cursor:  # documents of posts that no longer exist
            cursor.execute(
                "DELETE FROM forum_post_fts WHERE rowid NOT IN (SELECT id FROM forum_post)"
            )
    posts, last, done = indexable_posts().order_by("pk"), 0, 0
    while ids := list(posts.filter(pk__gt=last).values_list("pk", flat=True)[:batch]):
        _detect_missing_languages(ids)
        last, done = ids[-1], done + _index_batch(ids)
        if progress is not None:
            progress(len(ids))
    return done
