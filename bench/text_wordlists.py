"""Clean the imported word lists (safetext, glin-profanity) into belvedere/text/data/wordlists.

Keeps an entry only if it is not a false friend (allow-list), not a group/identity term,
not already curated, not mojibake, longer than three letters when it is one word, and
not a word that occurs in two or more neutral or positive tweets of the sentiment
training data (everyday words such as ``chat``, ``coin``, ``faire``).

    .venv/bin/python bench/text_wordlists.py \
        --lists ../shared/data/wordlists --data ../shared/data/nlp
"""

import argparse
import csv
import html
import json
from collections import Counter
from pathlib import Path

from belvedere.text.lexicon import DATA, get_group_lexicon, get_key, read_lines, read_terms
from belvedere.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def get_everyday_words(data: Path, lang: str) -> Counter:
    """Token and bigram counts over the neutral and positive sentiment tweets."""
    counts = Counter()
    with open(data / "sentiment" / f"{lang}_train.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["label"] != "negative":
                words = normalize(html.unescape(row["text"])).words
                bigrams = {" ".join(p) for p in zip(words, words[1:], strict=False)}
                counts.update(set(words) | bigrams)
    return counts


def list_raw_entries(lists: Path, lang: str) -> list[str]:
    """Entries of both imported lists for one language."""
    safetext = (lists / "safetext" / f"{lang}.txt").read_text("utf-8").splitlines()
    name = {"fr": "french", "en": "english"}[lang]
    glin = json.loads((lists / "glin-profanity" / f"{name}.json").read_text("utf-8"))["words"]
    return [e.strip() for e in [*safetext, *glin] if e.strip()]


def clean(lists: Path, data: Path, lang: str) -> list[str]:
    """The kept entries, one per normalised form, sorted."""
    allow = {get_key(a) for a in read_lines(DATA / "lexicon" / "allow.txt")}
    allow_words = {k[0] for k in allow if len(k) == 1}
    groups = {get_key(t.text) for t in get_group_lexicon().terms}
    curated = {get_key(t.text) for t in read_terms(DATA / "lexicon" / f"{lang}.tsv", lang)}
    everyday = get_everyday_words(data, lang)
    kept: dict[tuple, str] = {}
    for entry in list_raw_entries(lists, lang):
        key = get_key(entry)
        if not key or "ã" in entry or "â€" in entry or key in allow or key in groups:
            continue
        if key in curated or any((word,) in curated for word in key):
            continue
        if len(key) == 1 and len(key[0]) <= 4:
            continue
        if set(key) <= allow_words or everyday[" ".join(key)] >= 2:
            continue
        kept.setdefault(key, entry.lower())
    return sorted(kept.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lists", type=Path, required=True, help="the word lists to import")
    parser.add_argument("--data", type=Path, required=True, help="the NLP data set")
    args = parser.parse_args()
    for lang in ("fr", "en"):
        entries = clean(args.lists, args.data, lang)
        out = DATA / "wordlists" / f"imported_{lang}.txt"
        header = f"# Cleaned from safetext 0.3.3 and glin-profanity 4.1.0 ({lang}); see README.md\n"
        out.write_text(header + "\n".join(entries) + "\n", encoding="utf-8")
        print(f"{lang}: {len(entries)} entries -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
