"""Listening ingestion: mentions per second through the whole pipeline, one worker.

Parse (normalise, canonical URL), deduplicate (in the batch and against the database),
match 50 active queries, analyse (language, sentiment, toxicity: the fast path) and store,
in batches of 500 as a connector hands them over. 10 % of the items are repeats of earlier
ones (same platform id or same URL with tracking parameters), so deduplication has work.

    .venv/bin/python bench/listening_ingest.py --mentions 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_listening \\
        .venv/bin/python bench/listening_ingest.py --mentions 20000
    .venv/bin/python bench/listening_ingest.py --mentions 5000 --profile   # top functions

A PostgreSQL database named in DATABASE_URL is dropped and created again first.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BATCH = 500
FRENCH = (
    "le la les un une de du des et est pas très mon ma avec pour sur dans mais plus maison "
    "chauffage appli panne mise jour service client rapide lent génial nul merci bravo déçu "
    "installation réseau wifi box caméra thermostat ampoule"
)
ENGLISH = (
    "the a an and is not very my with for on in but more home heating app outage update "
    "support customer fast slow great awful thanks love broken setup network wifi hub camera "
    "thermostat bulb"
)
WORDS = {"fr": FRENCH.split(), "en": ENGLISH.split()}
BRANDS = [
    "helios",
    "nimbus",
    "domia",
    "orange",
    "free",
    "sfr",
    "bouygues",
    "netatmo",
    "somfy",
    "legrand",
    "philips",
    "ikea",
    "xiaomi",
    "tado",
    "nest",
    "ring",
    "arlo",
    "eufy",
]


def setup_django(data_dir: str) -> None:
    os.environ["BELVEDERE_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        recreate_postgres(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def queries_text() -> list[tuple[str, str, str]]:
    """50 queries using every construct of the language."""
    made = []
    for i, brand in enumerate(BRANDS):
        made.append((f"{brand} brand", f'{brand} OR "{brand} home" -job -emploi', "brand"))
        made.append((f"{brand} issues", f"{brand} AND (panne OR outage OR bug* OR lent)", "topic"))
        if i < 14:
            made.append((f"{brand} near", f'"{brand} support"~3 OR {brand} NEAR/4 client', "topic"))
    return made[:50]


def raw_items(count: int, seed: int = 7):
    from belvedere.listening.connectors import RawMention

    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    items = []
    for i in range(count):
        if i and rng.random() < 0.10:  # a repeat of an earlier item
            j = rng.randrange(i)
            items.append(
                RawMention(
                    external_id=f"id-{j}",
                    url=f"https://site{j % 97}.example/p/{j}?utm_source=x",
                    text="repeat",
                    platform="bench",
                )
            )
            continue
        lang = "fr" if i % 2 else "en"
        words = rng.choices(WORDS[lang], k=rng.randrange(12, 40)) + rng.choices(BRANDS, k=2)
        rng.shuffle(words)
        items.append(
            RawMention(
                external_id=f"id-{i}",
                url=f"https://site{i % 97}.example/p/{i}",
                title=" ".join(words[:6]),
                text=" ".join(words),
                author_name=f"Author {i % 500}",
                author_handle=f"author{i % 500}",
                community=f"site{i % 97}.example",
                published_at=start + timedelta(minutes=i),
                engagement={"likes": i % 17},
                platform="bench",
            )
        )
    return items


def run(count: int) -> dict:
    from belvedere.listening.models import Mention, MentionMatch, Query
    from belvedere.listening.services.ingest import compile_active_queries, ingest

    Query.objects.bulk_create(Query(name=n, text=t, kind=k) for n, t, k in queries_text())
    items = raw_items(count)
    compiled = compile_active_queries()
    ingest(raw_items(50, seed=1), platform="warmup", queries=compiled)  # load the models
    Mention.objects.all().delete()
    started = time.perf_counter()
    created = matches = 0
    for offset in range(0, len(items), BATCH):
        stats = ingest(items[offset : offset + BATCH], platform="bench", queries=compiled)
        created, matches = created + stats.created, matches + stats.matches
    seconds = time.perf_counter() - started
    assert created == Mention.objects.count() and matches == MentionMatch.objects.count()
    return {"items": count, "created": created, "matches": matches, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--without-search-index",
        action="store_true",
        help="no search_text and no full-text index (to measure what search costs ingestion)",
    )
    args = parser.parse_args()
    setup_django(tempfile.mkdtemp(prefix="bench-listening-"))
    from django.db import connection

    if args.without_search_index:
        from belvedere.listening import search
        from belvedere.listening.models import Mention

        search.drop_index()
        Mention.fill_search_text = lambda self: None

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        result = profiler.runcall(run, args.mentions)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    else:
        result = run(args.mentions)
    rate = result["items"] / result["seconds"]
    index = "without" if args.without_search_index else "with"
    print(f"database: {connection.vendor}; queries: 50; batch: {BATCH}; {index} the search index")
    print(
        f"{result['items']} items → {result['created']} new mentions, "
        f"{result['matches']} query matches in {result['seconds']:.2f} s: {rate:,.0f} items/s"
    )


if __name__ == "__main__":
    main()
