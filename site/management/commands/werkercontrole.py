"""Compose healthcheck of a task worker: exit 1 unless it is working.

Working means: a worker on this host beat its heartbeat within the lease (the process runs and
reaches the database), and no task of its queues has waited longer than ``--max-wacht``
seconds (it is taking work, not stuck).
"""

import socket
import sys
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from kennisplatform import taskworker


class Command(BaseCommand):
    help = "Controleer of de taakwerker op deze machine werkt (voor de healthcheck)."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="default", help="wachtrij(en) van deze werker, komma-gescheiden")
        parser.add_argument("--max-wacht", type=float, default=300, help="seconden die een taak mag wachten")

    def handle(self, *args, queue_name, max_wacht, **options):
        from django_tasks_db.models import DBTaskResult, get_date_max

        age = taskworker.last_heartbeat_seconds(host=socket.gethostname())
        if age is None or age > taskworker.lease().total_seconds():
            self.stderr.write(f"Geen recente hartslag van een werker op deze machine ({age}).")
            sys.exit(1)
        cutoff = timezone.now() - timedelta(seconds=max_wacht)
        waiting = DBTaskResult.objects.ready().filter(
            Q(run_after__lt=cutoff) | Q(run_after=get_date_max(), enqueued_at__lt=cutoff),
            queue_name__in=queue_name.split(","),
        )
        if waiting.exists():
            self.stderr.write(f"Taken in {queue_name} wachten langer dan {max_wacht:.0f} s.")
            sys.exit(1)
        self.stdout.write(f"Werker actief (hartslag {age:.0f} s geleden).")
