from django.apps import AppConfig


class KennisplatformConfig(AppConfig):
    name = "kennisplatform"
    verbose_name = "Kennisplatform"

    def ready(self):
        from kennisplatform import access

        access.register_wagtail()
