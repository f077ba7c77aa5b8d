"""Sparse features of the fast path: hashed character and word n-grams of the normalised text.

The hashing trick needs no stored vocabulary: the weights of a linear model are one
dense vector per output, indexed by hash bucket. Word-list matches and group terms are
added as pseudo-words (``__insult__``, ``__group__``...) so the models learn how much
each kind of match counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

N_CHAR = 2**18
N_WORD = 2**18
N_FEATURES = N_CHAR + N_WORD
MAX_FEATURE_CHARS = 5_000  # models read the first 5,000 characters; word lists read everything

_CHAR = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(2, 5),
    n_features=N_CHAR,
    alternate_sign=False,
    norm=None,
    lowercase=False,
    dtype=np.float32,
)
_WORD = HashingVectorizer(
    analyzer="word",
    ngram_range=(1, 2),
    token_pattern=r"\S+",  # noqa: S106 (not a password)
    n_features=N_WORD,
    alternate_sign=False,
    norm=None,
    lowercase=False,
    dtype=np.float32,
)


@lru_cache(maxsize=300_000)
def get_word_buckets(word: str) -> np.ndarray:
    """Hash buckets of the ``char_wb`` 2-5-grams of one word, exactly as scikit-learn's
    ``HashingVectorizer(analyzer="char_wb")`` computes them, cached because words repeat."""
    padded, grams = f" {word} ", []
    for n in range(2, 6):
        offset = 0
        grams.append(padded[:n])
        while offset + n < len(padded):
            offset += 1
            grams.append(padded[offset : offset + n])
        if offset == 0:
            break
    hashes = np.array([murmurhash3_32(g, seed=0) for g in grams], dtype=np.int64)
    return (np.abs(hashes) % N_CHAR).astype(np.int32)


def get_char_counts(texts: Sequence[str]) -> sparse.csr_matrix:
    """Char 2-5-gram counts within words: the sum of each word's cached buckets."""
    rows = [[get_word_buckets(w) for w in t.split()] for t in texts]
    lengths = [sum(len(b) for b in r) for r in rows]
    flat = [b for r in rows for b in r]
    indices = np.concatenate(flat) if flat else np.zeros(0, np.int32)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    data = np.ones(len(indices), dtype=np.float32)
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(texts), N_CHAR))
    x.sum_duplicates()
    return x


def get_pseudo_words(categories: Sequence[str], group: bool, counter: bool) -> str:
    """Pseudo-words that tell the models which lists matched."""
    words = [f"__{c}__" for c in sorted(set(categories))]
    if group:
        words.append("__group__")
    if counter:
        words.append("__counter__")
    return " ".join(words)


def get_counts(texts: Sequence[str], pseudo: Sequence[str]) -> sparse.csr_matrix:
    """Raw n-gram counts of normalised texts, plus their pseudo-words."""
    texts = [t[:MAX_FEATURE_CHARS] for t in texts]
    words = [f"{t} {p}" if p else t for t, p in zip(texts, pseudo, strict=True)]
    return sparse.hstack([get_char_counts(texts), _WORD.transform(words)], format="csr")


def get_idf(counts: sparse.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency of each bucket, as scikit-learn computes it."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.log((1 + counts.shape[0]) / (1 + df)) + 1).astype(np.float32)


def weigh(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF-IDF with L2-normalised rows (in place on a copy)."""
    x = counts.copy()
    np.log1p(x.data, out=x.data)
    x.data *= idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, np.diff(x.indptr)).astype(np.float32)
    return x
