from django.apps import AppConfig


class ThemagroepenConfig(AppConfig):
    name = "themagroepen"
    verbose_name = "Themagroepen"

    def ready(self):
        from themagroepen import policies, signals  # noqa: F401

        policies.register()
