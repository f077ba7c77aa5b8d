"""Burst detection of weekly counts (pure Python, no Django).

A key (term, hashtag, platform, domain) *bursts* in a week when

    count ≥ min_count  and  z = (count − μ) / max(σ, 1) ≥ threshold

where μ and σ are the mean and the population standard deviation of its counts over the
``len(history)`` weeks before (8 by default). The floor of 1 on σ keeps a key seen 0, 0, 1, 0…
from bursting at 3 mentions. A key never seen before (μ = 0) with ``count ≥ min_count`` is
*new*. Trends are ranked by z.

Keys are compared folded (case and accents removed, as listening's query language reads
text): "Été", "été" and "ete" are one term. A term is found in a text only as whole words
(``holds_term("IA", "les médias")`` is False), a hashtag only as a whole hashtag.
"""

import math
import re
from dataclasses import dataclass
from pathlib import Path

from belvedere.text.query import fold, words

MIN_COUNT = 5
THRESHOLD = 2.0
WEEKS = 8

_WORD = re.compile(r"(?<![#@\w])[^\W\d_][\w'’-]{3,40}", re.UNICODE)
_HASHTAG = re.compile(r"(?<![\w&])#(\w{2,60})", re.UNICODE)
_URLISH = re.compile(r"https?://\S+|www\.\S+")
# French elisions: "l'IA" is the word "IA", "d'Hélios" the word "Hélios".
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|presqu)['’]", re.IGNORECASE)

STOPWORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "data" / "stopwords.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)


@dataclass(frozen=True)
class Burst:
    count: int
    mean: float
    deviation: float
    score: float
    is_new: bool


def burst(count: int, history: list[int], *, min_count=MIN_COUNT, threshold=THRESHOLD):
    """The Burst of ``count`` against ``history`` (older weeks), or None when it is not one."""
    if count < min_count:
        return None
    weeks = len(history) or 1
    mean = sum(history) / weeks
    deviation = math.sqrt(sum((n - mean) ** 2 for n in history) / weeks)
    score = (count - mean) / max(deviation, 1.0)
    if score < threshold:
        return None
    return Burst(count, round(mean, 2), round(deviation, 2), round(score, 2), mean == 0)


def terms_of(text: str) -> set[str]:
    """The distinct lower-case words of ``text`` (4+ letters, no stop words, no URLs)."""
    text = _URLISH.sub(" ", text or "")
    found = {_ELISION.sub("", match).lower().strip("'’-") for match in _WORD.findall(text)}
    return {word for word in found if len(word) >= 4 and word not in STOPWORDS}


def hashtags_of(text: str) -> set[str]:
    return {"#" + tag.lower() for tag in _HASHTAG.findall(text or "") if not tag.isdigit()}


def holds_term(text: str, term: str) -> bool:
    """Whether ``text`` holds ``term`` as whole words, ignoring case and accents (not in URLs)."""
    wanted = words(term)
    have = words(_URLISH.sub(" ", text or ""))
    size = len(wanted)
    return bool(wanted) and any(have[i : i + size] == wanted for i in range(len(have) - size + 1))


def holds_hashtag(text: str, tag: str) -> bool:
    """Whether ``text`` holds the hashtag ``tag`` (``#IA``, not ``#IAmSmart``), folded."""
    return fold(tag) in {fold(found) for found in hashtags_of(text)}
