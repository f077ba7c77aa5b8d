from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "belvedere.listening"
    label = "listening"
    verbose_name = _("Listening")

    def ready(self):
        from belvedere.core import navigation
        from belvedere.listening import connectors  # noqa: F401  (registers every kind)

        navigation.register(_("Listening"), "listening:mentions", role="manager", order=40)
        post_migrate.connect(_ensure_search_index, sender=self)


def _ensure_search_index(sender, using="default", **kwargs):
    """Make the search index again if a migration rebuilt the mention table (listening/search)."""
    from belvedere.listening.search import ensure_index

    ensure_index(connections[using])
