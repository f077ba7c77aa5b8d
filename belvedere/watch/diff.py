"""Readable diffs of long documents (pure Python, no Django).

Two passes, both ``difflib.SequenceMatcher``: first over paragraphs (so a 100-page policy is
a few thousand items, compared by hash), then over words inside each replaced region, so a
changed sentence shows the words that changed and not two whole paragraphs. Long runs of
unchanged paragraphs are folded, keeping ``context`` paragraphs on each side of a change.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

CONTEXT = 2
WORD_DIFF_MAX_WORDS = 4000  # larger replaced regions are shown as removed + added
WORD_DIFF_MIN_SIMILARITY = 0.3  # below, a rewrite reads better as removed + added
BREAK = "\n\n"


@dataclass
class Row:
    """One line of the diff: ``equal``, ``insert``, ``delete``, ``change`` (``parts`` are
    ``(op, text)`` with op ``=``, ``+`` or ``-``) or ``fold`` (``count`` paragraphs hidden)."""

    kind: str
    text: str = ""
    parts: list[tuple[str, str]] = field(default_factory=list)
    count: int = 0

    def as_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "parts": self.parts, "count": self.count}


@dataclass
class Diff:
    rows: list[Row]
    added: int = 0  # paragraphs
    removed: int = 0
    changed: int = 0

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def stats(self) -> dict[str, int]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed}


def paragraphs(text: str) -> list[str]:
    return [part for part in (text or "").split(BREAK) if part.strip()]


def _words(region: list[str]) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(region):
        if index:
            tokens.append(BREAK)
        tokens.extend(paragraph.split(" "))
    return tokens


def _merge(parts: list[tuple[str, str]], op: str, words: list[str]) -> None:
    text = " ".join(words).replace(f" {BREAK} ", BREAK).replace(f"{BREAK} ", BREAK)
    text = text.replace(f" {BREAK}", BREAK)
    if parts and parts[-1][0] == op:
        parts[-1] = (op, parts[-1][1] + " " + text)
    else:
        parts.append((op, text))


def word_parts(old: list[str], new: list[str]) -> list[tuple[str, str]] | None:
    """Word-level parts of a replaced region, or None when a word diff would not help."""
    a, b = _words(old), _words(new)
    if len(a) > WORD_DIFF_MAX_WORDS or len(b) > WORD_DIFF_MAX_WORDS:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if (
        matcher.quick_ratio() < WORD_DIFF_MIN_SIMILARITY
        or matcher.ratio() < WORD_DIFF_MIN_SIMILARITY
    ):
        return None
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _merge(parts, "=", a[i1:i2])
            continue
        if i2 > i1:
            _merge(parts, "-", a[i1:i2])
        if j2 > j1:
            _merge(parts, "+", b[j1:j2])
    return parts


def _fold(rows: list[Row], context: int) -> list[Row]:
    """Fold runs of equal rows longer than ``2 × context`` (ends of the document: ``context``)."""
    folded: list[Row] = []
    index = 0
    while index < len(rows):
        if rows[index].kind != "equal":
            folded.append(rows[index])
            index += 1
            continue
        end = index
        while end < len(rows) and rows[end].kind == "equal":
            end += 1
        run = rows[index:end]
        head = context if index > 0 else 0
        tail = context if end < len(rows) else 0
        if len(run) > head + tail + 1:
            folded.extend(run[:head])
            folded.append(Row("fold", count=len(run) - head - tail))
            folded.extend(run[len(run) - tail :] if tail else [])
        else:
            folded.extend(run)
        index = end
    return folded


def diff_texts(old: str, new: str, *, context: int = CONTEXT, fold: bool = True) -> Diff:
    """The diff from ``old`` to ``new`` (paragraphs separated by blank lines)."""
    a, b = paragraphs(old), paragraphs(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    diff = Diff(rows=[])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            diff.rows.extend(Row("equal", text) for text in a[i1:i2])
        elif tag == "delete":
            diff.rows.extend(Row("delete", text) for text in a[i1:i2])
            diff.removed += i2 - i1
        elif tag == "insert":
            diff.rows.extend(Row("insert", text) for text in b[j1:j2])
            diff.added += j2 - j1
        else:
            _replace(diff, a[i1:i2], b[j1:j2])
    if fold:
        diff.rows = _fold(diff.rows, context)
    return diff


def _replace(diff: Diff, old: list[str], new: list[str]) -> None:
    parts = word_parts(old, new)
    if parts is None:
        diff.rows.extend(Row("delete", text) for text in old)
        diff.rows.extend(Row("insert", text) for text in new)
        diff.removed += len(old)
        diff.added += len(new)
        return
    diff.rows.append(Row("change", parts=parts))
    diff.changed += min(len(old), len(new))
    diff.added += max(0, len(new) - len(old))
    diff.removed += max(0, len(old) - len(new))
