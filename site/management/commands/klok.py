"""``manage.py klok``: the scheduler for every clock job (see kennisplatform.klok).

manage.py klok              run forever: each tick runs the jobs that are due
manage.py klok --once       one tick, then exit
manage.py klok status       last run of each job (add --check: exit 1 when one is overdue)
manage.py klok run NAME     run one job now, due or not
"""

import signal
import sys
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from kennisplatform import klok
from kennisplatform.models import KlokRun

TICK_SECONDS = 15


class Command(BaseCommand):
    help = "Voer de kloktaken uit (publiceren, herinneringen, samenvattingen, zoekindex, opruimen)."

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["loop", "status", "run"], default="loop")
        parser.add_argument("job", nargs="?", help="naam van de taak (bij 'run')")
        parser.add_argument("--once", action="store_true", help="één ronde, daarna stoppen")
        parser.add_argument("--check", action="store_true", help="bij 'status': exit 1 als een taak achterloopt")

    def handle(self, *args, action, job=None, once=False, check=False, **options):
        if action == "status":
            return self._status(check)
        if action == "run":
            if job not in klok.JOBS_BY_NAME:
                raise CommandError(f"Onbekende taak {job!r}; kies uit: {', '.join(klok.JOBS_BY_NAME)}")
            record = klok.run_job(klok.JOBS_BY_NAME[job], force=True)
            if record is None:
                raise CommandError(f"{job} draait al (in een andere klok).")
            self.stdout.write(f"{record.job}: {record.get_status_display()} — {record.result}")
            return None
        if once:
            self._tick()
            return None
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())  # the running job finishes first
        while not stop.is_set():
            self._tick()
            stop.wait(TICK_SECONDS)
        return None

    def _tick(self):
        close_old_connections()
        try:
            for record in klok.run_due():
                self.stdout.write(f"{timezone.localtime():%H:%M:%S} {record.job}: {record.status} {record.result}")
        except Exception as exc:  # the database gone for a moment: the next tick tries again
            self.stderr.write(f"klok: ronde mislukt ({exc.__class__.__name__}: {exc})")
        finally:
            close_old_connections()

    def _status(self, check: bool):
        now = timezone.now()
        records = {record.job: record for record in KlokRun.objects.all()}
        late = []
        for job in klok.JOBS:
            record = records.get(job.name)
            overdue = job.overdue(record, now)
            if overdue:
                late.append(job.name)
            if record is None:
                self.stdout.write(f"{job.name:22} nog nooit gedraaid")
                continue
            success = (
                timezone.localtime(record.last_success_at).strftime("%Y-%m-%d %H:%M")
                if record.last_success_at
                else "nooit"
            )
            self.stdout.write(
                f"{job.name:22} {record.get_status_display():8} laatst gelukt {success}"
                f" · {record.runs} keer, {record.failures} mislukt{' · ACHTER' if overdue else ''}"
                f" · {record.result[:80]}"
            )
        if check and late:
            self.stderr.write(f"Achter: {', '.join(late)}")
            sys.exit(1)
