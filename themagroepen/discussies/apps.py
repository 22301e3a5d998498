from django.apps import AppConfig


class DiscussiesConfig(AppConfig):
    name = "themagroepen.discussies"
    label = "discussies"
    verbose_name = "Discussies"

    def ready(self):
        from themagroepen.discussies import signals  # noqa: F401
