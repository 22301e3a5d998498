from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "kennisbank.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers"
