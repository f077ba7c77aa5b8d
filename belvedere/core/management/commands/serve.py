"""`belvedere serve`: the production HTTP server and the background worker together."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from belvedere.core.server import ServerError, ServerOptions, default_http_workers, serve
from belvedere.core.worker import DEFAULT_GRACE, DEFAULT_WORKERS


def add_server_arguments(parser: CommandParser) -> None:
    """The options `serve` and `demo` share."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers",
        type=int,
        default=default_http_workers(),
        help="HTTP worker processes (default: CPU cores + 1, from 2 to 4)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per HTTP worker")
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log every request on standard output (off: a reverse proxy usually logs them)",
    )
    parser.add_argument(
        "--no-worker",
        action="store_false",
        dest="with_worker",
        help="do not start the background worker (run `belvedere worker` elsewhere)",
    )
    parser.add_argument(
        "--queue-workers",
        type=int,
        default=DEFAULT_WORKERS,
        help=f"threads of the background worker (default {DEFAULT_WORKERS})",
    )
    parser.add_argument(
        "--grace",
        type=int,
        default=DEFAULT_GRACE,
        help="seconds requests and running tasks get to finish when stopping "
        f"(default {DEFAULT_GRACE})",
    )


def server_options(options: dict) -> ServerOptions:
    for name in ("workers", "threads", "queue_workers"):
        if not 1 <= options[name] <= 64:
            flag = "--" + name.replace("_", "-")
            raise CommandError(f"{flag} must be between 1 and 64; got {options[name]}.")
    if not 0 <= options["grace"] <= 3600:
        raise CommandError(f"--grace must be between 0 and 3600 seconds; got {options['grace']}.")
    return ServerOptions(
        host=options["host"],
        port=options["port"],
        workers=options["workers"],
        threads=options["threads"],
        with_worker=options["with_worker"],
        queue_workers=options["queue_workers"],
        grace=options["grace"],
        access_log=options["access_log"],
    )


def run_server(command: BaseCommand, options: dict, banner: str = "") -> None:
    def write(line: str) -> None:
        command.stdout.write(line)
        command.stdout.flush()

    try:
        serve(server_options(options), write=write, banner=banner)
    except ServerError as exc:
        raise CommandError(str(exc))


class Command(BaseCommand):
    help = "Apply migrations, then serve Belvedere over HTTP with the background worker."

    def add_arguments(self, parser: CommandParser) -> None:
        add_server_arguments(parser)

    def handle(self, *args: object, **options: object) -> None:
        run_server(self, options)
