from django.apps import AppConfig


class BijeenkomstenConfig(AppConfig):
    name = "themagroepen.bijeenkomsten"
    label = "bijeenkomsten"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from kennisplatform import access
        from themagroepen.bijeenkomsten import models, signals  # noqa: F401

        access.register(models.Bijeenkomst)
        access.register(models.Occurrence)
        # Presentations are details: members of the group only, like the occurrence's details.
        access.register(
            models.Attachment,
            readable_q=lambda keys: models.Bijeenkomst.detail_readable_q(keys, prefix="occurrence__bijeenkomst__"),
        )
