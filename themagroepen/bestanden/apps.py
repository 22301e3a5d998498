from django.apps import AppConfig


class BestandenConfig(AppConfig):
    name = "themagroepen.bestanden"
    label = "bestanden"
    verbose_name = "Bestanden"

    def ready(self):
        from kennisplatform import access
        from themagroepen.bestanden import models

        # The library has the read rules of the group's discussions: its members (and site admins).
        access.register(models.Folder)
        access.register(models.GroupFile)
        access.register(
            models.FileVersion, readable_q=lambda keys: models.GroupFile.readable_q(keys, prefix="groupfile__")
        )
