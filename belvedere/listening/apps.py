from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "belvedere.listening"
    label = "listening"
    verbose_name = _("Listening")

    def ready(self):
        from belvedere.core import navigation
        from belvedere.listening import connectors  # noqa: F401  (registers every kind)

        navigation.register(_("Listening"), "listening:mentions", role="manager", order=40)
