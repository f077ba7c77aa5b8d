"""``analyze(text)`` and ``analyze_many(texts)``: language, sentiment, toxicity, normalised form.

Input is a ``str`` or ``bytes`` (decoded as UTF-8, invalid bytes replaced). A text longer
than ``MAX_TEXT_CHARS`` (1,000,000 characters, about 1 MB) is rejected with
:class:`TextTooLong`; the models read the first 5,000 characters, the word lists all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from belvedere.text import features, sentiment
from belvedere.text.encoder import DIM
from belvedere.text.lexicon import Lexicon
from belvedere.text.models import DATA, get_weights
from belvedere.text.prepare import prepare
from belvedere.text.toxicity import get_attributes

MAX_TEXT_CHARS = 1_000_000
Mode = Literal["auto", "fast", "accurate"]


class TextTooLong(ValueError):
    """The text is over the size limit."""


def to_text(value: str | bytes | None) -> str:
    """A ``str`` from the input: bytes are decoded with invalid sequences replaced."""
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", errors="replace")
    if not isinstance(value, str):
        raise TypeError(f"text must be str or bytes, not {type(value).__name__}")
    if len(value) > MAX_TEXT_CHARS:
        raise TextTooLong(f"text is {len(value):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    return value


def get_backend(mode: Mode) -> str:
    """The sentiment backend a mode resolves to on this machine."""
    if mode == "fast":
        return sentiment.FAST
    if mode == "accurate" or sentiment.is_accurate_available():
        return sentiment.ACCURATE
    return sentiment.FAST


def get_scores(counts, weights: dict) -> np.ndarray:
    """Linear scores of the eight fast-path outputs (toxicity, group, 3 fr, 3 en)."""
    x = features.weigh(counts, weights["idf"])
    return np.asarray(x @ weights["fast_W"]) + weights["fast_b"]


def analyze_many(
    texts: Sequence[str | bytes],
    mode: Mode = "auto",
    lexicon: Lexicon | None = None,
    weights_dir: Path | None = None,
) -> list[dict]:
    """Analyse a batch of texts; same order, one dict per text (see the package README)."""
    texts = [to_text(t) for t in texts]
    if not texts:
        return []
    weights = get_weights(weights_dir or DATA)
    prep = prepare(texts, lexicon=lexicon)
    langs = [lang for lang, _ in prep.languages]
    scores = get_scores(prep.counts, weights)
    p_toxic = 1 / (1 + np.exp(-scores[:, 0]))
    p_group = 1 / (1 + np.exp(-scores[:, 1]))
    probs = sentiment.get_fast_probs(scores[:, 2:8], langs)
    backend = get_backend(mode)
    if backend == sentiment.ACCURATE:
        layers = [int(k) for k in weights["e5_layers"]]
        head = sentiment.get_toxicity_head()
        wanted = layers if head is None or head["layer"] in layers else [*layers, head["layer"]]
        pooled = sentiment.get_e5_features(texts, wanted)
        probs = sentiment.get_accurate_probs(pooled[:, : DIM * len(layers)], probs, langs, weights)
        if head is not None:
            at = DIM * wanted.index(head["layer"])
            last_layer = pooled[:, at : at + DIM]
            p_toxic = sentiment.get_accurate_toxicity(p_toxic, last_layer, langs, head)
    results = []
    for i, (lang, confidence) in enumerate(prep.languages):
        toxicity = get_attributes(float(p_toxic[i]), float(p_group[i]), prep.signals[i])
        toxicity["matches"] = [m.as_dict() for m in prep.signals[i].matches]
        results.append(
            {
                "language": lang,
                "language_confidence": confidence,
                "sentiment": sentiment.as_dict(probs[i], backend),
                "toxicity": toxicity,
                "normalized": prep.norms[i].text,
            }
        )
    return results


def analyze(text: str | bytes, mode: Mode = "auto", lexicon: Lexicon | None = None) -> dict:
    """Analyse one text (see :func:`analyze_many`)."""
    return analyze_many([text], mode=mode, lexicon=lexicon)[0]
