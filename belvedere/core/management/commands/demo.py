"""`belvedere demo`: build the demo community once, print its logins, then serve it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from belvedere.core.demo import build_demo, logins_text
from belvedere.core.management.commands.serve import add_server_arguments, run_server


class Command(BaseCommand):
    help = (
        "Create (once) a demo community with French and English members, print the "
        "demo logins, then serve it like `belvedere serve`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_server_arguments(parser)
        parser.add_argument(
            "--no-serve",
            action="store_false",
            dest="serve",
            help="only build the demo data and print the logins",
        )

    def handle(self, *args: object, **options: object) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Building the demo community…")
        build_demo(write=self.stdout.write)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(logins_text()))
        self.stdout.write("")
        if options["serve"]:
            run_server(self, options, banner=logins_text())
