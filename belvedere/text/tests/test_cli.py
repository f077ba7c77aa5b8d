"""The `belvedere analyze` contract, through the pure-Python core and the real command line."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from belvedere.text import jsonl
from belvedere.text.analyze import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parents[3]


def run(lines, fmt="jsonl"):
    out = io.StringIO()
    jsonl.write(jsonl.list_records(lines, mode="fast"), out, fmt=fmt)
    return out.getvalue()


def test_cli_writes_one_line_per_input_in_order():
    lines = [
        json.dumps({"id": i, "text": t}).encode()
        for i, t in enumerate(["Bonjour à tous !", "You idiot."])
    ]
    records = [json.loads(line) for line in run(lines).splitlines()]
    assert [r["id"] for r in records] == [0, 1]
    assert set(records[0]) == {"id", "language", "language_confidence", "sentiment", "toxicity"}
    assert set(records[0]["sentiment"]) >= {"label", "score"}
    assert records[1]["toxicity"]["matches"][0]["term"] == "idiot"


def test_cli_gives_error_lines_and_goes_on():
    lines = [
        b'{"id": "a", "text": "Salut"',
        b'{"id": "b"}',
        b'{"id": "c", "text": ""}',
        json.dumps({"id": "d", "text": "x" * (MAX_TEXT_CHARS + 1)}).encode(),
        b"[1, 2]",
        b'{"id": "e", "text": "caf\xc3 ok merci beaucoup"}',
    ]
    records = [json.loads(line) for line in run(lines).splitlines()]
    assert [r["id"] for r in records] == [1, "b", "c", "d", 5, "e"]
    assert [("error" in r) for r in records] == [True] * 5 + [False]
    assert "invalid JSON" in records[0]["error"]
    assert records[1]["error"] == records[2]["error"] == "no text"
    assert "limit" in records[3]["error"]


def test_cli_csv_format_has_a_header_and_a_row_per_input():
    lines = [b'{"id": 1, "text": "Hello there my friend"}', b"oops"]
    rows = run(lines, fmt="csv").splitlines()
    assert rows[0].startswith("id,language,language_confidence,sentiment")
    assert rows[1].startswith("1,en,")
    assert rows[2].startswith("2,") and "invalid JSON" in rows[2]


def test_cli_runs_as_belvedere_analyze(tmp_path):
    data = '{"id": 7, "text": "T\'es un c0nn4rd"}\nnot json\n'
    proc = subprocess.run(
        [sys.executable, "-m", "belvedere", "analyze", "--mode", "fast"],
        input=data.encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    first, second = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert first["id"] == 7 and first["toxicity"]["INSULT"] > 0.7
    assert second == {"id": 2, "error": "line 2: invalid JSON (Expecting value)"}


def test_cli_evaluate_reports_metrics_on_a_csv(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text(
        "text,toxic\nT'es un connard,1\nMerci beaucoup,0\nVa crever,1\nBonne journée,0\n"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "belvedere",
            "text",
            "evaluate",
            "--file",
            str(path),
            "--mode",
            "fast",
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    metrics = json.loads(proc.stdout)
    assert set(metrics) == {"n", "macro_f1", "precision", "recall", "auc"}
    assert metrics["macro_f1"] == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"text,label\n", b"has a header but no rows"),
        (b"a,b\n1,2\n", b"needs the columns text and label"),
        (b"text,toxic\nMerci,maybe\n", b"line 2: toxic is 'maybe'"),
        (b"text,label\nbonjour \xff\xfe,positive\n", b"is not UTF-8 text"),
    ],
)
def test_cli_evaluate_explains_a_bad_csv(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    command = [sys.executable, "-m", "belvedere", "text", "evaluate", "--file", str(path)]
    proc = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode != 0
    assert message in proc.stderr and b"Traceback" not in proc.stderr


def test_cli_evaluate_refuses_a_directory_without_data(tmp_path):
    command = [sys.executable, "-m", "belvedere", "text", "evaluate", "--data", str(tmp_path)]
    proc = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode != 0
    assert b"has no sentiment/*_val.csv nor toxicity/*.csv" in proc.stderr


def test_cli_finetune_refuses_a_directory_without_data(tmp_path):
    command = [sys.executable, "-m", "belvedere", "text", "finetune", "--data", str(tmp_path)]
    proc = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode != 0 and b"Traceback" not in proc.stderr
    assert b"davidson_en_train.csv not found" in proc.stderr or b"not installed" in proc.stderr
