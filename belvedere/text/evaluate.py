"""Measure the models: macro-F1, precision, recall and AUC on labelled CSV files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

from belvedere.text import sentiment
from belvedere.text.analyze import analyze_many

BATCH = 256


def get_metrics(y_true: list, y_pred: list, scores: np.ndarray, labels: list) -> dict:
    """Macro-F1, macro precision and recall, and AUC (one-vs-rest when multiclass)."""
    kwargs = {"average": "macro", "labels": labels, "zero_division": 0}
    out = {
        "n": len(y_true),
        "macro_f1": f1_score(y_true, y_pred, **kwargs),
        "precision": precision_score(y_true, y_pred, **kwargs),
        "recall": recall_score(y_true, y_pred, **kwargs),
    }
    try:
        if len(labels) == 2:
            out["auc"] = roc_auc_score([labels.index(y) for y in y_true], scores)
        else:
            scores = scores / scores.sum(axis=1, keepdims=True)
            out["auc"] = roc_auc_score(y_true, scores, multi_class="ovr", labels=labels)
    except ValueError:
        out["auc"] = float("nan")
    return {k: round(float(v), 4) if k != "n" else v for k, v in out.items()}


def run(texts: list[str], mode: str, weights_dir: Path | None) -> list[dict]:
    """Analyse in batches."""
    results = []
    for i in range(0, len(texts), BATCH):
        results += analyze_many(texts[i : i + BATCH], mode=mode, weights_dir=weights_dir)
    return results


def evaluate_rows(rows: list[dict], mode: str = "auto", weights_dir: Path | None = None) -> dict:
    """Metrics for rows with ``text`` and either ``label`` (sentiment) or ``toxic``."""
    results = run([r["text"] for r in rows], mode, weights_dir)
    if "label" in rows[0]:
        labels = list(sentiment.LABELS)
        probs = np.array([[r["sentiment"]["probabilities"][k] for k in labels] for r in results])
        pred = [r["sentiment"]["label"] for r in results]
        return get_metrics([r["label"] for r in rows], pred, probs, labels)
    scores = np.array([r["toxicity"]["TOXICITY"] for r in results])
    y = [int(r["toxic"]) for r in rows]
    return get_metrics(y, list((scores >= 0.5).astype(int)), scores, [0, 1])


def evaluate_file(path: Path, mode: str = "auto", weights_dir: Path | None = None) -> dict:
    """Metrics on one CSV with columns text,label or text,toxic; ValueError says what is
    wrong with a file that is not one."""
    import csv

    from belvedere.text.train import read_csv

    try:
        rows = read_csv(path)
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text") from None
    except csv.Error as error:
        raise ValueError(f"{path} is not a readable CSV: {error}") from None
    if not rows:
        raise ValueError(f"{path} has a header but no rows")
    columns = set(rows[0])
    if "text" not in columns or not columns & {"label", "toxic"}:
        raise ValueError(f"{path} needs the columns text and label (or text and toxic)")
    column, allowed = (
        ("label", set(sentiment.LABELS)) if "label" in columns else ("toxic", {"0", "1"})
    )
    for number, row in enumerate(rows, start=2):
        if row[column] not in allowed:
            raise ValueError(
                f"{path}, line {number}: {column} is {row[column]!r}; expected one of "
                + ", ".join(sorted(allowed))
            )
    return evaluate_rows(rows, mode, weights_dir)


def evaluate_heldout(
    data: Path, heldout: list[dict], weights_dir: Path | None, log: Callable[[str], None] = print
) -> dict:
    """Sentiment on ``val`` and toxicity on the held-out Davidson rows, per backend (the
    accurate one blends the adapted e5 TOXICITY head into English texts)."""
    from belvedere.text.train import read_csv

    figures = {}
    modes = ["fast"] + (["accurate"] if sentiment.is_accurate_available() else [])
    for lang in ("fr", "en"):
        path = data / "sentiment" / f"{lang}_val.csv"
        if not path.exists():
            continue
        for mode in modes:
            m = evaluate_rows(read_csv(path), mode, weights_dir)
            figures[f"sentiment_{lang}_val_macro_f1_{mode}"] = m["macro_f1"]
            log(f"sentiment {lang} val ({mode}): {m}")
    for mode in modes if heldout else []:
        m = evaluate_rows(heldout, mode, weights_dir)
        figures[f"toxicity_en_davidson_heldout_macro_f1_{mode}"] = m["macro_f1"]
        figures[f"toxicity_en_davidson_heldout_auc_{mode}"] = m["auc"]
        log(f"toxicity en davidson held out ({mode}): {m}")
    return figures


def evaluate_dir(data: Path, mode: str = "auto", log: Callable[[str], None] = print) -> dict:
    """Evaluate the installed models on a directory laid out like ``shared/data/nlp``."""
    from belvedere.text.train import list_toxicity_rows

    _, heldout = list_toxicity_rows(data) if (data / "toxicity").exists() else ([], [])
    return evaluate_heldout(data, heldout, None, log)
