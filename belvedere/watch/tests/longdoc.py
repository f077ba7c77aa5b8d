"""A 100-page policy made of real paragraphs (Reddit's terms), varied so none repeats exactly,
and a revision of it with a few real-looking edits. Used by the tests and bench/watch_diff.py."""

import random
from pathlib import Path

from belvedere.watch.extract import extract_text
from belvedere.watch.tests.conftest import VERSIONS, reddit_page

WORDS_PER_PAGE = 500


def real_paragraphs() -> list[str]:
    seen, out = set(), []
    for version in VERSIONS:
        for paragraph in extract_text(reddit_page(version), "#content").split("\n\n"):
            if paragraph not in seen and len(paragraph.split()) > 3:
                seen.add(paragraph)
                out.append(paragraph)
    return out


def long_policy(pages: int = 100, seed: int = 7) -> str:
    """About ``pages`` × 500 words: the real paragraphs in numbered sections."""
    rng = random.Random(seed)
    source = real_paragraphs()
    out, words, section = [], 0, 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        out.append(f"## {section}. Section {section}")
        for paragraph in rng.sample(source, 12):
            text = f"{section}.{len(out)} {paragraph}"
            out.append(text)
            words += len(text.split())
    return "\n\n".join(out)


def revise(text: str, *, edits: int = 12, seed: int = 11) -> str:
    """A few edits spread over the document: words changed, paragraphs added and removed."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    for _ in range(edits):
        index = rng.randrange(1, len(paragraphs))
        action = rng.choice(["change", "insert", "delete"])
        if action == "change":
            words = paragraphs[index].split(" ")
            words[rng.randrange(len(words))] = "REVISED"
            paragraphs[index] = " ".join(words)
        elif action == "insert":
            paragraphs.insert(index, "A new obligation applies to automated accounts and bots.")
        else:
            del paragraphs[index]
    return "\n\n".join(paragraphs)


def write_samples(directory: Path) -> None:  # pragma: no cover - handy by hand
    directory.joinpath("long-policy.txt").write_text(long_policy())
