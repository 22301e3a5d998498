from django.apps import AppConfig


class DiscussiesConfig(AppConfig):
    name = "themagroepen.discussies"
    label = "discussies"
    verbose_name = "Discussies"
