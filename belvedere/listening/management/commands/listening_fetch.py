"""``belvedere listening_fetch [--source ID ...] [--all]``: fetch sources now, with progress."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from belvedere.listening.services.sources import fetchable_sources, run_source


class Command(BaseCommand):
    help = "Fetch listening sources now: the due ones, every one (--all) or some (--source)."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", dest="ids", metavar="ID")
        parser.add_argument("--all", action="store_true", dest="every")

    def handle(self, *args, ids=None, every=False, verbosity=1, **options):
        sources = list(fetchable_sources(ids=ids, every=every))
        if ids and len(sources) != len(set(ids)):
            missing = sorted(set(ids) - {s.pk for s in sources})
            raise CommandError(f"No source with id {', '.join(map(str, missing))}")
        failed = 0
        bar = tqdm(sources, unit="source", disable=verbosity == 0, file=self.stderr._out)
        for source in bar:
            bar.set_description(source.name[:30])
            outcome = run_source(source)
            failed += not outcome.ok
            status = f"{outcome.fetched} items, {outcome.created} new"
            if outcome.not_modified:
                status = "not modified"
            elif not outcome.ok:
                status = f"FAILED: {outcome.error}"
            bar.write(f"{source.pk} {source.name}: {status}", file=self.stdout._out)
        self.stdout.write(f"{len(sources)} sources fetched, {failed} failed.")
        if failed and failed == len(sources):
            raise CommandError("Every source failed.")
