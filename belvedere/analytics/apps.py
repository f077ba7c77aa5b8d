from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "belvedere.analytics"
    label = "analytics"
    verbose_name = _("Analytics")

    def ready(self):
        from belvedere.analytics import metrics  # noqa: F401  (fills the metric registry)
        from belvedere.core import navigation

        navigation.register(_("Analytics"), "analytics:traffic", role="manager", order=80)
