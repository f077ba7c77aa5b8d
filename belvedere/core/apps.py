from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "belvedere.core"
    label = "core"
    verbose_name = "Belvedere"
