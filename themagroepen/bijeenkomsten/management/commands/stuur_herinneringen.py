"""Daily (cron): e-mail tomorrow's participants and extend open-ended series.

Idempotent: a participant is reminded once, however often this runs. ``--achtergrond`` hands
the work to the task worker instead of doing it here.
"""

from django.core.management.base import BaseCommand

from themagroepen.bijeenkomsten.tasks import send_reminders


class Command(BaseCommand):
    help = "Verstuur herinneringen voor de bijeenkomsten van morgen (elke deelnemer één keer)."

    def add_arguments(self, parser):
        parser.add_argument("--achtergrond", action="store_true", help="Zet het werk in de takenwachtrij.")

    def handle(self, *args, achtergrond=False, **options):
        if achtergrond:
            result = send_reminders.enqueue()
            self.stdout.write(f"Taak {result.id} in de wachtrij gezet.")
            return
        sent = send_reminders.call()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
