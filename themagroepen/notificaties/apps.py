from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "themagroepen.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"
