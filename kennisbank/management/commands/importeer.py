"""manage.py importeer <bestand.jsonl>: bulk import of voorbeelden and publicaties (see kennisbank/IMPORT.md)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kennisbank import importer
from kennisplatform.words import counted


class Command(BaseCommand):
    help = "Importeer voorbeelden en publicaties uit een JSON Lines-bestand. Alles of niets; idempotent op slug."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="pad naar het .jsonl-bestand")
        parser.add_argument("--controleer", action="store_true", help="alleen controleren, niets importeren")

    def handle(self, *args, bestand, controleer=False, **options):
        try:
            with open(bestand, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as error:
            raise CommandError(f"Kan {bestand} niet lezen: {error}") from error
        try:
            records, lookups = importer.validate(lines)
        except importer.ImportErrors as error:
            raise CommandError(f"{len(error.errors)} fout(en) gevonden; er is niets geïmporteerd.\n{error}") from error
        if controleer:
            self.stdout.write(
                self.style.SUCCESS(f"{counted(len(records), 'regel', 'regels')} gecontroleerd, geen fouten.")
            )
            return
        with tqdm(
            total=len(records), desc="Importeren", unit="regel", file=self.stderr._out, disable=len(records) < 2
        ) as bar:
            outcome = importer.apply(records, lookups, progress=bar)
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {outcome['aangemaakt']} aangemaakt, {outcome['bijgewerkt']} bijgewerkt, "
                f"{outcome['ongewijzigd']} ongewijzigd."
            )
        )
