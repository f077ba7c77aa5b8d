from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "belvedere.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from belvedere.accounts.handlers import record_login
        from belvedere.core import navigation

        user_logged_in.connect(record_login, dispatch_uid="accounts.record_login")

        navigation.register(_("Members"), "accounts:members", role="manager", order=85)
        navigation.register(_("Profile"), "accounts:profile", role="member", order=90)
