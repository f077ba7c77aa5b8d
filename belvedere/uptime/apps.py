from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UptimeConfig(AppConfig):
    name = "belvedere.uptime"
    label = "uptime"
    verbose_name = _("Uptime")

    def ready(self):
        from belvedere.core import home, navigation
        from belvedere.uptime.views.home import home_panel

        home.register("uptime/_home_panel.html", home_panel, order=30)
        navigation.register(_("Status"), "status:index", order=80)
        navigation.register(_("Suggestions"), "uptime:suggestions", role="member", order=81)
        navigation.register(_("Monitors"), "uptime:monitors", role="manager", order=82)
        navigation.register(_("Triage"), "uptime:triage", role="moderator", order=83)
