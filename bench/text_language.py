"""Language accuracy and speed on the French and English sentiment tweets (train and val), or
on the shipped hand-written examples when the data directory is missing (a fresh clone).

.venv/bin/python bench/text_language.py --data ../shared/data/nlp
"""

import argparse
import csv
import html
import time
from pathlib import Path

from belvedere.text.language import detect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the NLP data set")
    args = parser.parse_args()
    for lang, split, texts in get_sets(args.data):
        if texts:
            start = time.perf_counter()
            found = [detect(t)[0] for t in texts]
            speed = len(texts) / (time.perf_counter() - start)
            right = sum(f == lang for f in found)
            und = sum(f == "und" for f in found)
            print(
                f"{lang} {split}: {right}/{len(texts)} = {right / len(texts):.2%} "
                f"(und {und}), {speed:,.0f} texts/s"
            )


def get_sets(data: Path):
    """(language, split name, texts): the tweets of ``data``, else the shipped examples."""
    if not (data / "sentiment").is_dir():
        from belvedere.text.train import read_examples

        print(f"{data}/sentiment not found: measuring on the shipped examples instead")
        examples = read_examples()
        for lang in ("fr", "en"):
            yield lang, "examples", [r["text"] for r in examples if r["lang"] == lang]
        return
    for lang in ("fr", "en"):
        for split in ("val", "train"):
            with open(data / "sentiment" / f"{lang}_{split}.csv", encoding="utf-8") as f:
                yield lang, split, [html.unescape(r["text"]) for r in csv.DictReader(f)]


if __name__ == "__main__":
    main()
