from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "belvedere.engagement"
    label = "engagement"
    verbose_name = _("Engagement")

    def ready(self):
        from belvedere.activity.services import entry_recorded
        from belvedere.core import home, navigation
        from belvedere.engagement.handlers import on_entry_recorded
        from belvedere.engagement.views.home import home_panel

        home.register("engagement/_home_panel.html", home_panel, order=20)
        navigation.register(_("Events"), "engagement:events", role="member", order=30)
        navigation.register(_("Community"), "engagement:index", role="manager", order=55)
        entry_recorded.connect(on_entry_recorded, dispatch_uid="engagement.on_entry_recorded")
