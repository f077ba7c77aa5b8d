from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TermsConfig(AppConfig):
    name = "belvedere.terms"
    label = "terms"
    verbose_name = _("Terms of use")

    def ready(self):
        # The demo builder registers itself: `belvedere.core.demo` autodiscovers `terms.demo`.
        from belvedere.core import navigation

        navigation.register(_("Terms"), "terms:manage", role="manager", order=80)
