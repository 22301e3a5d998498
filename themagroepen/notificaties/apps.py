from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "themagroepen.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from themagroepen.notificaties import signals  # noqa: F401
