"""Full-text search of mentions over all of them, on either database.

Each mention keeps ``search_text``: the folded words (case and accents removed, as the query
language reads them) of its title and text, separated by spaces. The database indexes it:

- PostgreSQL: a GIN index on ``to_tsvector('simple', search_text)``;
- SQLite: an FTS5 table (``unicode61``) kept in step by triggers.

A boolean query (``belvedere.text.query``) is first turned into a full-text condition that
every matching mention meets (its words, ``AND``/``OR``, prefixes for ``word*``, ``NOT`` of
what the index decides; ``lang:``, ``site:``, ``author:`` and inner wildcards add no
condition); the index gives those candidates and the query itself then decides each one, so
results are exactly the query's. The index alone answers ANDs, ORs and NOTs of single words
and prefixes. A query with no condition (``lang:fr``, ``-"a phrase"`` alone) reads every
mention left by the other filters.
"""

import json
import re

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from belvedere.text.query import And, Near, Node, Not, Or, Words, words

FTS5_TABLE = "listening_mention_fts"
PG_VECTOR = "to_tsvector('simple'::regconfig, search_text)"
SCAN_CHUNK = 2000
UNDERSCORE = "0x5f"
_PREFIX = re.compile(r"([^\W_]{2,})\*$")
_SQLITE_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS listening_mention_fts USING fts5(search_text, "
    "content='listening_mention', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS listening_mention_fts_ai AFTER INSERT ON listening_mention "
    "BEGIN INSERT INTO listening_mention_fts(rowid, search_text) "
    "VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS listening_mention_fts_ad AFTER DELETE ON listening_mention "
    "BEGIN INSERT INTO listening_mention_fts(listening_mention_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS listening_mention_fts_au AFTER UPDATE OF search_text "
    "ON listening_mention BEGIN "
    "INSERT INTO listening_mention_fts(listening_mention_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO listening_mention_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
_PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS listening_mention_search_gin "
    f"ON listening_mention USING gin ({PG_VECTOR})"
)


def _token(word: str) -> str:
    """A query-language word as one index token: both databases cut words at ``_``, which the
    query language keeps inside them (``@helios_fr`` is the word ``helios_fr``, not
    ``helios``), so ``_`` is written ``0x5f``."""
    return word.replace("_", UNDERSCORE)


def search_text(title: str, text: str) -> str:
    """What is indexed for a mention: the folded words of its title and text."""
    return " ".join(map(_token, words(f"{title or ''}\n{text or ''}")))


# ------------------------------------------------------------------ the full-text condition
# A condition is None (no condition), ("word", w), ("prefix", w), ("and"|"or", [conditions]).


def _word(part: str):
    if "*" not in part and "?" not in part:
        return ("word", _token(part)) if re.search(r"[^\W_]", part) else None
    prefix = _PREFIX.fullmatch(part)
    return ("prefix", prefix.group(1)) if prefix else None


def _all(conditions):
    kept = [c for c in conditions if c is not None]
    return None if not kept else kept[0] if len(kept) == 1 else ("and", kept)


def condition(node: Node):
    """A full-text condition every document matching ``node`` meets, or None."""
    if isinstance(node, Words):
        return _all(map(_word, node.parts)) if node.field in ("", "title") else None
    if isinstance(node, Near):
        return _all([condition(node.left), condition(node.right)])
    if isinstance(node, And):
        return _all(map(condition, node.operands))
    if isinstance(node, Or):
        operands = [condition(op) for op in node.operands]
        return None if any(op is None for op in operands) else ("or", operands)
    assert isinstance(node, Not)
    return None


def fts5_expression(cond) -> str:
    kind, value = cond
    if kind == "word":
        return f'"{value}"'
    if kind == "prefix":
        return f'"{value}"*'
    return "(" + f" {kind.upper()} ".join(map(fts5_expression, value)) + ")"


def pg_expression(cond, params: list) -> str:
    kind, value = cond
    if kind == "word":
        params.append(value)
        return "plainto_tsquery('simple'::regconfig, %s)"
    if kind == "prefix":
        params.append(value + ":*")
        return "to_tsquery('simple'::regconfig, %s)"
    joiner = " && " if kind == "and" else " || "
    return "(" + joiner.join(pg_expression(c, params) for c in value) + ")"


def is_exact(node: Node) -> bool:
    """Whether the index alone decides ``node``: ANDs, ORs and NOTs of single words or
    prefixes (``word*``) looked for in the title and the text."""
    if isinstance(node, And | Or):
        return all(map(is_exact, node.operands))
    if isinstance(node, Not):
        return is_exact(node.operand)
    if not isinstance(node, Words) or node.field or len(node.parts) != 1:
        return False
    part = node.parts[0]
    return _PREFIX.fullmatch(part) is not None or bool(re.fullmatch(r"\w*[^\W_]\w*", part))


def with_ids(mentions: QuerySet, ids: list[int]) -> QuerySet:
    """``mentions`` among ``ids``, as one parameter (no limit on the number of ids)."""
    if connection.vendor == "postgresql":
        return mentions.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
    return mentions.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))


def _lookup(cond) -> Q:
    """Mentions whose indexed words meet ``cond``."""
    if connection.vendor == "postgresql":
        params: list = []
        where = pg_expression(cond, params)
        sql = f"SELECT id FROM listening_mention WHERE {PG_VECTOR} @@ {where}"  # noqa: S608
        return Q(pk__in=RawSQL(sql, params))  # noqa: S611 (values are parameters)
    sql = "SELECT rowid FROM listening_mention_fts WHERE listening_mention_fts MATCH %s"
    return Q(pk__in=RawSQL(sql, [fts5_expression(cond)]))  # noqa: S611 (values are parameters)


def _both(left: Q | None, right: Q | None) -> Q | None:
    return left if right is None else right if left is None else left & right


def narrowing(node: Node) -> Q | None:
    """A filter every mention matching ``node`` passes (exactly ``node`` when is_exact)."""
    if isinstance(node, Words):
        cond = condition(node)
        return None if cond is None else _lookup(cond)
    if isinstance(node, Near):
        return _both(narrowing(node.left), narrowing(node.right))
    if isinstance(node, And):
        found = None
        for operand in node.operands:
            found = _both(found, narrowing(operand))
        return found
    if isinstance(node, Or):
        operands = [narrowing(op) for op in node.operands]
        if any(op is None for op in operands):
            return None
        found = operands[0]
        for operand in operands[1:]:
            found |= operand
        return found
    return ~narrowing(node.operand) if is_exact(node.operand) else None


def candidates(mentions: QuerySet, node: Node) -> QuerySet:
    """``mentions`` narrowed by the index to those that may match ``node``."""
    found = narrowing(node)
    return mentions if found is None else mentions.filter(found)


# ------------------------------------------------------------------ the index itself


def ensure_index(using_connection=None, *, rebuild: bool = False) -> None:
    """Create the index where missing (idempotent). SQLite's triggers are lost when Django
    rebuilds the mention table in a later migration: they are made again, and the FTS table
    rebuilt, after every ``migrate`` (a post_migrate handler)."""
    conn = using_connection or connection
    if conn.vendor not in ("postgresql", "sqlite") or not _has_search_text(conn):
        return
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            # Look first: even CREATE INDEX IF NOT EXISTS fails inside a transaction with
            # pending trigger events (``flush`` emits post_migrate right after TRUNCATE).
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'listening_mention_search_gin'"
            )
            if cursor.fetchone() is None:
                cursor.execute(_PG_INDEX)
            return
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [FTS5_TABLE + "_a%"],
        )
        missing = cursor.fetchone()[0] < 3
        for statement in _SQLITE_SQL:
            cursor.execute(statement)
        if missing or rebuild:
            cursor.execute(
                "INSERT INTO listening_mention_fts(listening_mention_fts) VALUES ('rebuild')"
            )


def _has_search_text(conn) -> bool:
    """Whether the mention table exists with its search column (migrations may be undone)."""
    if "listening_mention" not in conn.introspection.table_names():
        return False
    with conn.cursor() as cursor:
        columns = conn.introspection.get_table_description(cursor, "listening_mention")
    return any(column.name == "search_text" for column in columns)


def drop_index(using_connection=None) -> None:
    conn = using_connection or connection
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS listening_mention_search_gin")
        elif conn.vendor == "sqlite":
            for suffix in ("_ai", "_ad", "_au"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {FTS5_TABLE}{suffix}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS5_TABLE}")
