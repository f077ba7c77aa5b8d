from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "belvedere.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.utils.module_loading import autodiscover_modules

        from belvedere.activity.services import entry_recorded
        from belvedere.core import login_gate, navigation, screening
        from belvedere.moderation import policy
        from belvedere.moderation.bios import register_profiles
        from belvedere.moderation.gates import refuse_suspended
        from belvedere.moderation.handlers import on_entry_recorded
        from belvedere.moderation.models import ModerationSettings, WatchedWord
        from belvedere.moderation.pipeline import screen_text

        # Apps register their content from a `moderation.py` module, as with `admin.py`.
        autodiscover_modules("moderation")
        register_profiles()
        screening.register_screener(screen_text)
        login_gate.register_login_gate(refuse_suspended)
        entry_recorded.connect(on_entry_recorded, dispatch_uid="moderation.on_entry_recorded")
        for model in (WatchedWord, ModerationSettings):
            uid = f"moderation.invalidate.{model.__name__}"
            post_save.connect(policy.invalidate, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(policy.invalidate, sender=model, dispatch_uid=f"{uid}.delete")
        navigation.register(_("Moderation"), "moderation:queue", role="moderator", order=20)
        navigation.register(_("My standing"), "moderation:standing", role="member", order=90)
