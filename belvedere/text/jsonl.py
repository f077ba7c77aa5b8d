"""The ``belvedere analyze`` contract: JSON lines in, one JSON line (or CSV row) out per input.

Each input line is ``{"id": ..., "text": ...}``. A line that is not valid JSON, has no
text, or is over the size limit gives ``{"id": ..., "error": "..."}`` and the run goes on.
Output keeps input order. Lines are read as bytes and decoded with invalid UTF-8 replaced.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO

from belvedere.text.analyze import MAX_TEXT_CHARS, Mode, analyze_many
from belvedere.text.toxicity import ATTRIBUTES

BATCH = 256
CSV_FIELDS = ["id", "language", "language_confidence", "sentiment", "sentiment_score",
              *ATTRIBUTES, "matches", "error"]  # fmt: skip


def parse_line(line: bytes | str, number: int) -> tuple[object, str | None, str | None]:
    """Return ``(id, text, error)`` for one input line; lines are numbered from 1."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return number, None, f"line {number}: invalid JSON ({exc.msg})"
    if not isinstance(item, dict):
        return number, None, f"line {number}: expected a JSON object"
    ident, text = item.get("id", number), item.get("text")
    if not isinstance(text, str) or not text.strip():
        return ident, None, "no text"
    if len(text) > MAX_TEXT_CHARS:
        return ident, None, f"text over the limit of {MAX_TEXT_CHARS:,} characters"
    return ident, text, None


def to_output(ident: object, result: dict) -> dict:
    """The output record of one analysed text."""
    sentiment = result["sentiment"]
    return {
        "id": ident,
        "language": result["language"],
        "language_confidence": result["language_confidence"],
        "sentiment": {
            "label": sentiment["label"],
            "score": sentiment["score"],
            "backend": sentiment["backend"],
        },  # fmt: skip
        "toxicity": result["toxicity"],
    }


def list_records(lines: Iterable[bytes | str], mode: Mode = "auto") -> Iterator[dict]:
    """Output records in input order, analysing valid lines in batches."""
    batch: list[tuple[object, str | None, str | None]] = []
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes | str) and not line.strip():
            continue
        batch.append(parse_line(line, number))
        if len(batch) >= BATCH:
            yield from analyze_batch(batch, mode)
            batch = []
    yield from analyze_batch(batch, mode)


def analyze_batch(batch: list, mode: Mode) -> Iterator[dict]:
    """Analyse the valid items of a batch and interleave the error records."""
    texts = [text for _, text, error in batch if error is None]
    results = iter(analyze_many(texts, mode=mode) if texts else [])
    for ident, _, error in batch:
        yield {"id": ident, "error": error} if error else to_output(ident, next(results))


def to_csv_row(record: dict) -> dict:
    """Flatten one record for ``--format csv``."""
    if "error" in record:
        return {"id": record["id"], "error": record["error"]}
    tox = record["toxicity"]
    row = {k: record[k] for k in ("id", "language", "language_confidence")}
    row |= {
        "sentiment": record["sentiment"]["label"],
        "sentiment_score": record["sentiment"]["score"],
    }
    row |= {k: tox[k] for k in ATTRIBUTES}
    row["matches"] = " | ".join(f"{m['term']}:{m['category']}" for m in tox["matches"])
    return row


def write(records: Iterable[dict], out: IO[str], fmt: str = "jsonl") -> int:
    """Write records as JSON lines or CSV; return how many were written."""
    count = 0
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
    for record in records:
        if writer:
            writer.writerow(to_csv_row(record))
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
