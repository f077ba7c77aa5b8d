"""Listening inbox search over every mention: seconds per search, on SQLite or PostgreSQL.

Stores ``--mentions`` synthetic French and English mentions (bulk, no analysis; 1 in 1,000
holds the rare word "zeppelin"), then times ``filter_mentions(q=…)`` plus counting the results
and reading the first page of 25, for queries from selective to unselective. The index
(FTS5 / GIN) gives the candidates, the query language checks them unless the index alone
decides (ANDs and ORs of words).

    .venv/bin/python bench/listening_search.py --mentions 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_listening \\
        .venv/bin/python bench/listening_search.py --mentions 100000

A PostgreSQL database named in DATABASE_URL is dropped and created again first.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from listening_ingest import BRANDS, WORDS, setup_django  # noqa: E402

QUERIES = [
    "zeppelin",  # rare word: the index decides
    "zeppelin AND helios",  # rare AND common
    '"zeppelin helios"~3',  # a proximity: the index narrows, the query checks
    "helios AND (panne OR outage)",  # common words
    "thermo*",  # a prefix
    "zeppelin -helios",  # a negation beside a word
    "-helios -nimbus",  # only negations: every mention is read
]


def store(count: int, seed: int = 11) -> None:
    from belvedere.listening.models import Mention

    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    batch = []
    for i in range(count):
        lang = "fr" if i % 2 else "en"
        words = rng.choices(WORDS[lang], k=rng.randrange(12, 40)) + rng.choices(BRANDS, k=2)
        if i % 1000 == 0:
            words.append("zeppelin")
        rng.shuffle(words)
        batch.append(
            Mention(
                platform="bench",
                external_id=f"id-{i}",
                title=" ".join(words[:6]),
                text=" ".join(words),
                language=lang,
                published_at=start + timedelta(minutes=i),
            )
        )
        if len(batch) == 5000:
            Mention.objects.bulk_create(batch)
            batch = []
    Mention.objects.bulk_create(batch)


def time_query(q: str, repeat: int) -> tuple[float, int, int]:
    from belvedere.listening.queries import filter_mentions

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        mentions, info = filter_mentions(q=q)
        count = mentions.count()
        list(mentions[:25])
        times.append(time.perf_counter() - started)
    return statistics.median(times), count, info.scanned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup_django(tempfile.mkdtemp(prefix="bench-search-"))
    from django.db import connection

    started = time.perf_counter()
    store(args.mentions)
    print(f"database: {connection.vendor}; {args.mentions:,} mentions stored and indexed "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    print("| query | results | read by the query | median s |")
    print("|---|---|---|---|")
    for q in QUERIES:
        seconds, count, scanned = time_query(q, args.repeat)
        print(f"| `{q}` | {count:,} | {scanned:,} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
