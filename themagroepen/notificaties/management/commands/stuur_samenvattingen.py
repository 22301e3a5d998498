from django.core.management.base import BaseCommand

from themagroepen.notificaties.tasks import send_digests


class Command(BaseCommand):
    help = "Verstuur de dagelijkse samenvatting van meldingen (eenmaal per dag via cron/scheduler)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} samenvatting(en) verstuurd.")
