from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "kennisbank.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers"

    def ready(self):
        from kennisbank.dossiers import signals
        from kennisbank.dossiers.models import VerordeningConcept, Vinkje
        from kennisplatform import access

        access.register(Vinkje)
        access.register(VerordeningConcept)
        signals.connect()
