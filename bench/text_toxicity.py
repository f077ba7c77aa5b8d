"""Toxicity figures: French CV (model vs word lists alone), Davidson held out, group attacks.

    .venv/bin/python bench/text_toxicity.py --data ../shared/data/nlp
    .venv/bin/python bench/text_toxicity.py --data ../shared/data/nlp --davidson-cv 3,10,30

French: 5-fold cross-validation over MLMA FR + the shipped French examples; in each fold
the model trains on every English row plus the other French folds, exactly as
``belvedere text train`` does, and is scored on the held-out French fold. "Lists only"
calls a text toxic when any insult, profanity, slur or threat term matches.
"""

import argparse
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from belvedere.text import features, sentiment
from belvedere.text.analyze import analyze_many
from belvedere.text.prepare import prepare
from belvedere.text.train import (
    C_TOXIC,
    TOXICITY_EXCLUDED,
    fit,
    fit_nb,
    list_toxicity_rows,
    read_csv,
)

# In the hand-written training examples (so in-sample), as the issue names them.
GROUP_CASES = [
    ("Je déteste les femmes.", "high"),
    ("Les immigrés sont des parasites.", "high"),
    ("immigrants are a plague", "high"),
    ("Les musulmans n'ont rien à faire ici, qu'ils dégagent.", "high"),
    ("Women are too dumb to be engineers.", "high"),
    ("Les femmes représentent 52 % des inscrits.", "low"),
    ("Women make up 52% of our members.", "low"),
    ('Calling someone a "faggot" is unacceptable and will get you banned.', "low"),
    ("Traiter quelqu'un de « sale arabe » est inacceptable.", "low"),
    ("On m'a traité de bougnoule dans la rue, ça fait mal.", "low"),
]


# Not in the training examples: how the group-attack score generalises.
UNSEEN_CASES = [
    ("Je hais les musulmans.", "high"),
    ("Les femmes sont inférieures aux hommes.", "high"),
    ("Refugees are rats.", "high"),
    ("Jews are greedy.", "high"),
    ("Les arabes sont tous des voleurs", "high"),
    ("Gays should not be allowed to adopt, they are perverts", "high"),
    ("Les réfugiés arrivés hier sont logés à Lyon.", "low"),
    ("Muslims make up 10% of the city.", "low"),
    ("Les femmes gagnent en moyenne 15 % de moins que les hommes.", "low"),
    ("Nous accueillons les immigrés avec plaisir.", "low"),
]


def french_cv(data: Path) -> dict:
    """Macro-F1 and AUC of the model and of the lists alone on French, by 5-fold CV."""
    rows, _ = list_toxicity_rows(data)
    prep = prepare([r["text"] for r in rows], languages=[r["lang"] for r in rows])
    y = np.array([r["toxic"] for r in rows])
    w = np.array([r["weight"] for r in rows])
    # Benign tweets (see train.list_benign_rows) always train and are never scored.
    fr = np.array([r["lang"] == "fr" and not r["source"].startswith("benign") for r in rows])
    lists = np.array([bool(s.categories) for s in prep.signals]).astype(int)
    pred, score = np.zeros(len(rows), int), np.zeros(len(rows))
    fr_idx = np.flatnonzero(fr)
    for train_fr, test_fr in StratifiedKFold(5, shuffle=True, random_state=0).split(fr_idx, y[fr]):
        excluded = np.array([r["source"] in TOXICITY_EXCLUDED for r in rows])
        train_idx = np.concatenate([np.flatnonzero(~fr & ~excluded), fr_idx[train_fr]])
        idf = features.get_idf(prep.counts[train_idx])
        x = features.weigh(prep.counts[train_idx], idf)
        W, b = fit_nb(x, y[train_idx], w[train_idx], C_TOXIC)
        test = fr_idx[test_fr]
        z = np.asarray(features.weigh(prep.counts[test], idf) @ W).ravel() + b[0]
        score[test], pred[test] = z, (z > 0).astype(int)
    return {
        "n": int(fr.sum()),
        "model_macro_f1": round(f1_score(y[fr], pred[fr], average="macro"), 4),
        "model_auc": round(roc_auc_score(y[fr], score[fr]), 4),
        "lists_macro_f1": round(f1_score(y[fr], lists[fr], average="macro"), 4),
        "lists_recall_toxic": round(float(lists[fr & (y == 1)].mean()), 4),
    }


def davidson_cv(data: Path, cs: list[float]) -> None:
    """5-fold CV over the Davidson training rows (held-out rows never read): macro-F1 of
    TOXICITY (model, raised to 0.85 by a list match) per C, model and threshold."""
    rows, _ = list_toxicity_rows(data)
    rows = [r for r in rows if r["source"] not in TOXICITY_EXCLUDED]
    prep = prepare([r["text"] for r in rows], languages=[r["lang"] for r in rows])
    y, w = np.array([r["toxic"] for r in rows]), np.array([r["weight"] for r in rows])
    dav = np.flatnonzero([r["source"].startswith("davidson") for r in rows])
    other = np.setdiff1d(np.arange(len(rows)), dav)
    hit = np.array([bool(set(s.categories) & {"insult", "slur", "threat"}) for s in prep.signals])
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(dav, y[dav]))
    probs = {}
    for c in cs:
        for kind in ("nb", "lr"):
            z = np.zeros(len(rows))
            for train, test in folds:
                idx = np.concatenate([other, dav[train]])
                idf = features.get_idf(prep.counts[idx])
                x = features.weigh(prep.counts[idx], idf)
                if kind == "nb":
                    W, b = fit_nb(x, y[idx], w[idx], c)
                else:
                    W, b, _ = fit(x, y[idx], w[idx], c, True)
                z[dav[test]] = (
                    np.asarray(features.weigh(prep.counts[dav[test]], idf) @ W)[:, 0] + b[0]
                )
            probs[f"{kind} C={c:g}"] = 1 / (1 + np.exp(-z[dav]))
        probs[f"nb+lr C={c:g}"] = (probs[f"nb C={c:g}"] + probs[f"lr C={c:g}"]) / 2
    for name, p in probs.items():
        p = np.maximum(p, np.where(hit[dav], 0.85, 0.0))
        scores = {t: f1_score(y[dav], (p >= t).astype(int), average="macro") for t in THRESHOLDS}
        best = max(scores, key=scores.get)
        print(f"{name}: macro-F1 {scores[0.5]:.4f} at 0.5, best {scores[best]:.4f} at {best:.2f}")


def ordinary_flag_rate(data: Path) -> dict:
    """Share of the sentiment val tweets (ordinary tweets, never trained on) that TOXICITY
    flags at 0.5 or more, per language and backend: how often the model would bother moderators."""
    out = {}
    for lang in ("fr", "en"):
        rows = read_csv(data / "sentiment" / f"{lang}_val.csv")
        for mode in ("fast", "accurate") if sentiment.is_accurate_available() else ("fast",):
            results = analyze_many([r["text"] for r in rows], mode=mode)
            flagged = [r["toxicity"]["TOXICITY"] >= 0.5 for r in results]
            rate = f"{sum(flagged)}/{len(flagged)} ({sum(flagged) / len(flagged):.1%})"
            out[f"{lang} {mode}"] = rate
    return out


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the NLP data set")
    parser.add_argument("--davidson-cv", help="comma-separated C values: choose C and threshold")
    args = parser.parse_args()
    if not (args.data / "toxicity").is_dir() or not (args.data / "sentiment").is_dir():
        parser.error(
            f"{args.data} has no toxicity/ and sentiment/ CSV files: pass --data DIR laid out like "
            "shared/data/nlp (the training data is not shipped with Belvedere)"
        )
    if args.davidson_cv:
        davidson_cv(args.data, [float(c) for c in args.davidson_cv.split(",")])
        return
    print("French toxicity, 5-fold CV (MLMA FR + hand-written FR):", french_cv(args.data))
    print("Ordinary val tweets flagged (TOXICITY >= 0.5):", ordinary_flag_rate(args.data))
    for title, cases in (("in the examples", GROUP_CASES), ("unseen", UNSEEN_CASES)):
        print(f"IDENTITY_ATTACK, {title}:")
        results = analyze_many([t for t, _ in cases], mode="fast")
        for (text, expected), r in zip(cases, results, strict=True):
            print(f"  {r['toxicity']['IDENTITY_ATTACK']:.2f} (want {expected}): {text}")


if __name__ == "__main__":
    main()
