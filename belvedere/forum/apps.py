from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "belvedere.forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from belvedere.activity.services import entry_recorded
        from belvedere.core import home, member_figures, navigation
        from belvedere.forum.handlers import on_entry_recorded
        from belvedere.forum.queries_social import reading_figures
        from belvedere.forum.views.home import home_panel

        home.register("forum/_home_panel.html", home_panel, order=10)
        navigation.register(_("Forum"), "forum:index", order=10)
        navigation.register(
            _("Notifications"),
            "forum:notifications",
            role="member",
            order=11,
            badge_url_name="forum:notification_badge",
        )
        entry_recorded.connect(on_entry_recorded, dispatch_uid="forum.on_entry_recorded")
        member_figures.register_provider(reading_figures)  # for moderation's trust levels
