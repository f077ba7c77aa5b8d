"""Burst detection of weekly counts (pure Python, no Django).

A key (term, hashtag, platform, domain) *bursts* in a week when

    count ≥ min_count  and  z = (count − μ) / max(σ, 1) ≥ threshold

where μ and σ are the mean and the population standard deviation of its counts over the
``len(history)`` weeks before (8 by default). The floor of 1 on σ keeps a key seen 0, 0, 1, 0…
from bursting at 3 mentions. A key never seen before (μ = 0) with ``count ≥ min_count`` is
*new*. Trends are ranked by z.
"""

import math
import re
from dataclasses import dataclass
from pathlib import Path

MIN_COUNT = 5
THRESHOLD = 2.0
WEEKS = 8

_WORD = re.compile(r"(?<![#@\w])[^\W\d_][\w'’-]{3,40}", re.UNICODE)
_HASHTAG = re.compile(r"(?<![\w&])#(\w{2,60})", re.UNICODE)
_URLISH = re.compile(r"https?://\S+|www\.\S+")

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
    words = {match.lower().strip("'’-") for match in _WORD.findall(text)}
    return {word for word in words if len(word) >= 4 and word not in STOPWORDS}


def hashtags_of(text: str) -> set[str]:
    return {"#" + tag.lower() for tag in _HASHTAG.findall(text or "") if not tag.isdigit()}
