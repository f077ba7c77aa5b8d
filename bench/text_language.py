"""Language accuracy and speed on the French and English sentiment tweets (train and val).

.venv/bin/python bench/text_language.py --data ../shared/data/nlp
"""

import argparse
import csv
import html
import time
from pathlib import Path

from belvedere.text.language import detect

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/nlp")
    args = parser.parse_args()
    for lang in ("fr", "en"):
        for split in ("val", "train"):
            with open(args.data / "sentiment" / f"{lang}_{split}.csv", encoding="utf-8") as f:
                texts = [html.unescape(r["text"]) for r in csv.DictReader(f)]
            start = time.perf_counter()
            found = [detect(t)[0] for t in texts]
            speed = len(texts) / (time.perf_counter() - start)
            right = sum(f == lang for f in found)
            und = sum(f == "und" for f in found)
            print(
                f"{lang} {split}: {right}/{len(texts)} = {right / len(texts):.2%} "
                f"(und {und}), {speed:,.0f} texts/s"
            )


if __name__ == "__main__":
    main()
