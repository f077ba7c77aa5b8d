from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    name = "belvedere.watch"
    label = "watch"
    verbose_name = _("Watch")

    def ready(self):
        from belvedere.core import navigation

        navigation.register(_("Watch"), "watch:index", role="manager", order=60)
