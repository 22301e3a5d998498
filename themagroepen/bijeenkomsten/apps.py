from django.apps import AppConfig


class BijeenkomstenConfig(AppConfig):
    name = "themagroepen.bijeenkomsten"
    label = "bijeenkomsten"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from themagroepen.bijeenkomsten import signals  # noqa: F401
