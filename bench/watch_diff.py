"""Watch diffs: time to extract, hash and diff a 100-page policy.

The policy is made of the real paragraphs of Reddit's terms (three versions, Open Terms
Archive, ODC-BY-1.0), numbered and shuffled into sections until it holds 100 × 500 words;
the revision makes a few edits spread over it (words changed, paragraphs added and removed).
Also times the real change between two successive versions, and a full rewrite.

    .venv/bin/python bench/watch_diff.py --pages 100 --repeat 20
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")


def timed(function, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000, max(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--edits", type=int, default=12)
    args = parser.parse_args()
    import django

    django.setup()
    from markdown_it import MarkdownIt

    from belvedere.watch.diff import diff_texts, paragraphs
    from belvedere.watch.extract import extract_text, text_hash
    from belvedere.watch.tests.conftest import VERSIONS, reddit_page
    from belvedere.watch.tests.longdoc import long_policy, revise

    old = long_policy(args.pages)
    new = revise(old, edits=args.edits)
    html = "<main id='content'>" + MarkdownIt("commonmark").render(old) + "</main>"
    real = [extract_text(reddit_page(v), "#content", ".filter-holder") for v in VERSIONS]
    rewrite = "\n\n".join(reversed(paragraphs(old)))
    print(f"policy: {len(old.split()):,} words, {len(paragraphs(old)):,} paragraphs, "
          f"{len(html) / 1e6:.1f} MB of HTML; {args.edits} edits")  # fmt: skip
    cases = [
        ("extract text (HTML → text)", lambda: extract_text(html, "#content")),
        ("hash normalised text", lambda: text_hash(old)),
        ("diff, 100-page policy, a few edits", lambda: diff_texts(old, new)),
        ("diff, real Reddit change (Dec → Apr)", lambda: diff_texts(real[0], real[1])),
        ("diff, real Reddit rewrite (Apr → May)", lambda: diff_texts(real[1], real[2])),
        ("diff, 100-page policy, reordered", lambda: diff_texts(old, rewrite)),
    ]
    diff = diff_texts(old, new)
    shown = sum(1 for row in diff.rows if row.kind != "fold")
    print(f"rows shown for the edited policy: {shown} (+{diff.added} −{diff.removed} "
          f"~{diff.changed} paragraphs), the rest folded")  # fmt: skip
    print(f"{'case':44} {'median ms':>10} {'max ms':>10}")
    for name, function in cases:
        median, worst = timed(function, args.repeat)
        print(f"{name:44} {median:10.1f} {worst:10.1f}")


if __name__ == "__main__":
    main()
