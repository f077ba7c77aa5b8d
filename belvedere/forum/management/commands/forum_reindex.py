"""``belvedere forum_reindex [--batch N]``: (re)build the search index of every visible post."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from belvedere.forum.search import REINDEX_BATCH, indexable_posts, reindex_posts


class Command(BaseCommand):
    help = (
        "Rebuild the forum's search index (posts made in bulk, a restored database, a new "
        "search configuration). Safe to run while the site is up."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=REINDEX_BATCH, metavar="N")

    def handle(self, *args, batch=REINDEX_BATCH, verbosity=1, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        total = indexable_posts().count()
        with tqdm(total=total, unit="post", disable=verbosity == 0, file=self.stderr._out) as bar:
            done = reindex_posts(batch=batch, progress=bar.update)
        self.stdout.write(f"{done} posts indexed.")
