"""Load the demo content: idempotent, development only.

Each app may provide a ``demo`` module with ``load(stdout)``; they run in INSTALLED_APPS order
(accounts before kennisbank before themagroepen), each inside one transaction.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Laadt de demo-inhoud en demo-accounts (alleen in ontwikkeling; opnieuw draaien verandert niets)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("loaddemo weigert te draaien in het productieprofiel: demo-accounts horen daar niet.")
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
