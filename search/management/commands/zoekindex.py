"""manage.py zoekindex rebuild|status|reconcile|process — keep the search index in step."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from search import indexing, queue
from search.backend import elasticsearch_configured


class Command(BaseCommand):
    help = "Beheer de zoekindex: opnieuw opbouwen, vergelijken met de database, herstellen, wachtrij verwerken."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="Nieuwe index opbouwen en de alias in één keer omzetten.")
        rebuild.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk tonen.")
        sub.add_parser("status", help="Aantallen per type in database en index.")
        sub.add_parser("reconcile", help="Verschillen tussen database en index herstellen.")
        process = sub.add_parser("process", help="De indexeerwachtrij verwerken (met backoff).")
        process.add_argument("--all", action="store_true", help="Ook items waarvan de wachttijd nog loopt.")

    def handle(self, *args, action, **options):
        if action in ("status", "reconcile") and not elasticsearch_configured():
            raise CommandError(
                "ELASTICSEARCH_URL is niet ingesteld: zoeken gebruikt de ingebouwde index (zoekindex rebuild)."
            )
        getattr(self, f"do_{action}")(**options)

    def do_rebuild(self, no_progress=False, **options):
        count = indexing.rebuild_embedded()
        self.stdout.write(self.style.SUCCESS(f"Ingebouwde zoekindex opgebouwd met {count} documenten."))
        if not elasticsearch_configured():
            return
        total = sum(indexing.count_objects().values())
        with tqdm(total=total, unit="doc", disable=no_progress, file=self.stderr._out, desc="Indexeren") as bar:
            name, count = indexing.rebuild(progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(f"Index {name} opgebouwd met {count} documenten; de alias wijst er nu naar.")
        )

    def do_status(self, **options):
        rows = indexing.status()
        self.stdout.write(f"{'type':40} {'database':>9} {'index':>9} {'documenten':>11}")
        for row in rows:
            mark = "" if row.in_step else "  <- verschil"
            self.stdout.write(
                f"{row.label:40} {row.database:>9} {row.index_objects:>9} {row.index_documents:>11}{mark}"
            )
        pending = queue.IndexQueue.objects.count()
        self.stdout.write(f"In de wachtrij: {pending}")

    def do_reconcile(self, **options):
        repaired = indexing.reconcile()
        if repaired:
            self.stdout.write(
                self.style.SUCCESS("Hersteld: " + ", ".join(f"{n} {what}" for what, n in repaired.items()))
            )
        else:
            self.stdout.write(self.style.SUCCESS("Index en database zijn gelijk."))

    def do_process(self, all=False, **options):
        now = timezone.now() + timedelta(days=3650) if all else None
        result = queue.process(now=now, limit=10_000)
        self.stdout.write(
            f"Verwerkt: {result['verwerkt']}, mislukt: {result['mislukt']}, nog in de wachtrij: {result['wachtend']}"
        )
