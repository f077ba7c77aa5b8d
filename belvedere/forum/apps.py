from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "belvedere.forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from belvedere.core import navigation

        navigation.register(_("Forum"), "forum:index", order=10)
