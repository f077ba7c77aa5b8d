"""IDENTITY_ATTACK on the hand-written held-out set ``data/examples/identity_eval.tsv``.

    .venv/bin/python bench/text_identity.py [--threshold 0.5] [--verbose]
    .venv/bin/python bench/text_identity.py --file belvedere/text/data/examples/identity_probe.tsv

The set (group attacks without swear words, neutral statements about groups, counter-speech
that quotes or denounces an attack) is never used for training or for choosing rules.
``identity_probe.tsv`` is a second, smaller set written after the rules were first tried on
the main set, with other wordings, to check whether they only fit it. A text counts as
flagged when IDENTITY_ATTACK >= the threshold.
"""

import argparse
import csv
from pathlib import Path

from belvedere.text.analyze import analyze_many

EVAL = Path(__file__).resolve().parent.parent / "belvedere/text/data/examples/identity_eval.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--file", type=Path, default=EVAL)
    args = parser.parse_args()
    with open(args.file, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    results = analyze_many([r["text"] for r in rows], mode="fast")
    scores = [r["toxicity"]["IDENTITY_ATTACK"] for r in results]
    y = [int(r["identity_attack"]) for r in rows]
    pred = [int(s >= args.threshold) for s in scores]
    tp = sum(p and t for p, t in zip(pred, y, strict=True))
    fp = sum(p and not t for p, t in zip(pred, y, strict=True))
    fn = sum(t and not p for p, t in zip(pred, y, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"n={len(rows)} attacks={sum(y)} threshold={args.threshold}")
    print(f"precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} (tp={tp} fp={fp} fn={fn})")
    for kind in ("attack", "neutral", "counter"):
        sel = [(s, p) for r, s, p in zip(rows, scores, pred, strict=True) if r["kind"] == kind]
        print(f"  {kind}: {sum(p for _, p in sel)} of {len(sel)} flagged")
    for lang in ("fr", "en"):
        sel = [(t, p) for r, t, p in zip(rows, y, pred, strict=True) if r["lang"] == lang]
        ok = sum(t == p for t, p in sel)
        print(f"  {lang}: {ok} of {len(sel)} right")
    if args.verbose:
        for r, s, p, t in zip(rows, scores, pred, y, strict=True):
            mark = "  " if p == t else "XX"
            print(f"{mark} {s:.2f} {r['kind']:8} {r['text']}")


if __name__ == "__main__":
    main()
