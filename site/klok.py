"""The one scheduler for clock jobs (``manage.py klok``); each run is recorded in ``KlokRun``.

Every job is idempotent, so running it twice (two scheduler processes, a restart, an operator
with ``klok run``) does no harm; a job is also *claimed* (row lock, status ``running``) before
it runs, so two scheduler processes do not run the same job at the same moment.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kennisplatform.models import KlokRun

logger = logging.getLogger(__name__)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STUCK_AFTER = timedelta(minutes=30)  # a "running" row this old belongs to a dead scheduler
RETRY_DAILY_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class Job:
    name: str
    run: object  # () -> object, whose str() is stored as the result
    every: timedelta | None = None
    daily_at: time | None = None  # Amsterdam time
    description: str = ""

    def is_due(self, record: KlokRun | None, now: datetime) -> bool:
        if record is None:
            return True
        if record.status == KlokRun.Status.RUNNING:
            return now - record.started_at >= STUCK_AFTER
        if self.every is not None:
            return now - record.started_at >= self.every
        local = now.astimezone(AMSTERDAM)
        if local.time() < self.daily_at:
            return False
        done_today = record.last_success_at and record.last_success_at.astimezone(AMSTERDAM).date() == local.date()
        if done_today:
            return False
        return record.status == KlokRun.Status.OK or now - record.started_at >= RETRY_DAILY_AFTER

    def overdue(self, record: KlokRun | None, now: datetime) -> bool:
        """For ``klok status --check``: no success for three periods (or 26 hours)."""
        period = self.every * 3 if self.every else timedelta(hours=26)
        last = record.last_success_at if record else None
        return last is None or now - last > period


# --- the jobs ----------------------------------------------------------------------------------


def _publish_scheduled():
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip() or "niets te doen"


def _reminders():
    from themagroepen.bijeenkomsten.tasks import send_reminders

    return f"{send_reminders.call()} herinnering(en)"


def _digests():
    from themagroepen.notificaties.tasks import send_digests

    return f"{send_digests()} samenvatting(en)"


def _index_catch_up():
    from search.queue import catch_up

    return catch_up()


def _index_reconcile():
    from search.backend import elasticsearch_configured

    if not elasticsearch_configured():
        return "geen Elasticsearch"
    from search.indexing import reconcile

    return reconcile() or "in orde"


def _stale_tasks():
    from kennisplatform.taskworker import sweep_stale_tasks

    return f"{sweep_stale_tasks()} taak/taken teruggezet"


def _unsent_emails():
    from themagroepen.bijeenkomsten import mail
    from themagroepen.notificaties.tasks import sweep_unsent

    return f"{sweep_unsent()} melding(en) en {mail.sweep_unsent()} inschrijvingsmail(s) opnieuw aangeboden"


def _review_mails():
    from kennisbank.review_mail import send_weekly_review_mails

    return send_weekly_review_mails()


def _retention():
    from kennisplatform.retention import apply_retention

    return apply_retention()


JOBS = [
    Job("publiceren", _publish_scheduled, every=timedelta(minutes=1), description="Wagtail: publiceren en verlopen"),
    Job("herinneringen", _reminders, every=timedelta(minutes=15), description="bijeenkomsten van morgen"),
    Job("samenvattingen", _digests, daily_at=time(7, 0), description="dagelijkse samenvatting van meldingen"),
    Job("zoekindex-inhalen", _index_catch_up, every=timedelta(minutes=1), description="wachtrij van de zoekindex"),
    Job("zoekindex-reconcile", _index_reconcile, daily_at=time(3, 0), description="zoekindex gelijktrekken"),
    Job("taken-opruimen", _stale_tasks, every=timedelta(minutes=1), description="taken van verdwenen werkers"),
    Job("meldingen-nasturen", _unsent_emails, every=timedelta(minutes=5), description="blijven liggende e-mail"),
    # Daily, but each editor's mail goes once per ISO week (the first run that week that finds
    # pages past review): a missed Monday or a failed send is made up the next day.
    Job("paginacontrole", _review_mails, daily_at=time(8, 0), description="wekelijkse e-mail: pagina's te controleren"),
    Job(
        "bewaartermijnen",
        _retention,
        daily_at=time(4, 0),
        description="sessies, taakresultaten, wachtrij, meldingen, afgehandelde meldingen van misbruik",
    ),
]
JOBS_BY_NAME = {job.name: job for job in JOBS}


# --- running ----------------------------------------------------------------------------------


def _claim(job: Job, now: datetime, force: bool) -> bool:
    with transaction.atomic():
        KlokRun.objects.get_or_create(
            job=job.name, defaults={"status": KlokRun.Status.OK, "started_at": now - timedelta(days=365)}
        )
        record = KlokRun.objects.select_for_update(skip_locked=True).filter(job=job.name).first()
        if record is None:  # another scheduler holds it right now
            return False
        if not force and not job.is_due(record, now):
            return False
        record.status, record.started_at, record.finished_at = KlokRun.Status.RUNNING, now, None
        record.runs += 1
        record.save(update_fields=["status", "started_at", "finished_at", "runs"])
    return True


def run_job(job: Job, now: datetime | None = None, force: bool = False) -> KlokRun | None:
    """Run ``job`` if it is due (or ``force``); returns its record, or None when not run."""
    now = now or timezone.now()
    if not _claim(job, now, force):
        return None
    try:
        result = job.run()
    except Exception as exc:
        logger.exception("klok: %s mislukt", job.name)
        KlokRun.objects.filter(job=job.name).update(
            status=KlokRun.Status.FAILED,
            finished_at=timezone.now(),
            result=f"{exc.__class__.__name__}: {exc}"[:2000],
            failures=F("failures") + 1,
        )
    else:
        KlokRun.objects.filter(job=job.name).update(
            status=KlokRun.Status.OK, finished_at=timezone.now(), result=str(result)[:2000], last_success_at=now
        )
    return KlokRun.objects.get(job=job.name)


def run_due(now: datetime | None = None) -> list[KlokRun]:
    """One tick: every job that is due runs once, in the order of ``JOBS``."""
    ran = []
    for job in JOBS:
        record = run_job(job, now=now)
        if record is not None:
            ran.append(record)
    return ran
