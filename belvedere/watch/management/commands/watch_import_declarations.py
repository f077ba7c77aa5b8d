"""belvedere watch_import_declarations [DIR]: load Open Terms Archive declarations."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from belvedere.watch.services.terms import DATA_DIR, import_directory


class Command(BaseCommand):
    help = "Create or update tracked documents from OTA declarations (*.json, not *.history.json)."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(DATA_DIR))

    def handle(self, *args, directory: str, **options):
        path = Path(directory)
        if not path.is_dir():
            raise CommandError(f"{path} is not a directory")
        try:
            results = import_directory(path)
        except (ValueError, ValidationError) as exc:
            raise CommandError(f"Invalid declaration: {exc}") from exc
        for name, created, updated in results:
            self.stdout.write(f"{name}: {created} added, {updated} updated")
