"""The first step of analysis and training: language, normalisation, list signals, features."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scipy import sparse

from belvedere.text import features
from belvedere.text.language import detect
from belvedere.text.lexicon import Lexicon, get_lexicon
from belvedere.text.normalize import Normalized, normalize
from belvedere.text.toxicity import Signals, get_signals


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything the models need about a batch of texts."""

    languages: list[tuple[str, float]]
    norms: list[Normalized]
    signals: list[Signals]
    counts: sparse.csr_matrix


def prepare(
    texts: Sequence[str],
    languages: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
) -> Prepared:
    """Detect languages (unless given), normalise, match the lists and count n-grams."""
    lexicon = lexicon or get_lexicon()
    if languages is None:
        detected = [detect(t) for t in texts]
    else:
        detected = [(lang, 1.0) for lang in languages]
    norms = [normalize(t) for t in texts]
    signals = [
        get_signals(t, n, lexicon, lang)
        for t, n, (lang, _) in zip(texts, norms, detected, strict=True)
    ]
    pseudo = [features.get_pseudo_words(s.categories, s.group, s.counter) for s in signals]
    counts = features.get_counts([n.text for n in norms], pseudo)
    return Prepared(detected, norms, signals, counts)
