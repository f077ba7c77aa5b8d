"""Atom feeds of page changes: one per watch and one for all, read with a secret token.

The token is in the URL because feed readers cannot sign in; it is compared in constant
time, and a wrong token is a 404 (the feed's existence is not revealed).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from belvedere.watch.models import PageWatch
from belvedere.watch.queries.pages import feed_snapshots
from belvedere.watch.services.notifications import excerpt
from belvedere.watch.services.settings import get_settings


def absolute(path: str) -> str:
    return settings.BASE_URL + path


class SnapshotItems:
    feed_type = Atom1Feed

    def item_title(self, item) -> str:
        return f"{item.watch.name} — {item.recorded_at:%Y-%m-%d %H:%M} UTC"

    def item_description(self, item) -> str:
        old = item.previous.text if item.previous else ""
        return "<pre>" + escape(excerpt(old, item.text)) + "</pre>"

    def item_link(self, item) -> str:
        return absolute(reverse("watch:snapshot", args=[item.pk]))

    def item_pubdate(self, item):
        return item.recorded_at

    def item_updateddate(self, item):
        return item.recorded_at


class AllChangesFeed(SnapshotItems, Feed):
    title = _("Belvedere: watched pages")
    subtitle = _("Every change of the watched pages.")

    def get_object(self, request, token: str):
        if not constant_time_compare(token, get_settings().feed_token):
            raise Http404
        return None

    def link(self) -> str:
        return absolute(reverse("watch:pages"))

    def items(self):
        return feed_snapshots()


class WatchFeed(SnapshotItems, Feed):
    def get_object(self, request, watch_id: int, token: str):
        watch = PageWatch.objects.filter(pk=watch_id).first()
        if watch is None or not constant_time_compare(token, watch.feed_token):
            raise Http404
        return watch

    def title(self, watch) -> str:
        return f"Belvedere: {watch.name}"

    def subtitle(self, watch) -> str:
        return watch.url

    def link(self, watch) -> str:
        return absolute(reverse("watch:page", args=[watch.pk]))

    def items(self, watch):
        return feed_snapshots(watch)
