from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "belvedere.activity"
    label = "activity"
    verbose_name = _("Activity")

    def ready(self):
        from belvedere.core import navigation

        navigation.register(_("Audit log"), "activity:audit_log", role="moderator", order=80)
