"""`belvedere worker`: the background worker alone (see docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from belvedere.core.worker import DEFAULT_GRACE, DEFAULT_WORKERS, run_worker


class Command(BaseCommand):
    help = (
        "Run the background worker (the Huey consumer) alone. With REDIS_URL set, "
        "workers on several machines share one queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--workers",
            type=int,
            default=DEFAULT_WORKERS,
            help=f"tasks run at the same time, as threads (default {DEFAULT_WORKERS})",
        )
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="do not schedule periodic tasks (give extra machines this option)",
        )

        parser.add_argument(
            "--grace",
            type=int,
            default=DEFAULT_GRACE,
            help=f"seconds running tasks get to finish on SIGINT (default {DEFAULT_GRACE})",
        )

    def handle(
        self, *args: object, workers: int, periodic: bool, grace: int, **options: object
    ) -> None:
        if not 1 <= workers <= 64:
            raise CommandError(f"--workers must be between 1 and 64; got {workers}.")
        if not 0 <= grace <= 3600:
            raise CommandError(f"--grace must be between 0 and 3600 seconds; got {grace}.")
        run_worker(workers=workers, periodic=periodic, grace=grace)
