from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "belvedere.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from belvedere.core import navigation

        navigation.register(_("Members"), "accounts:members", role="manager", order=85)
        navigation.register(_("Profile"), "accounts:profile", role="member", order=90)
