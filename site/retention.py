"""Retention (the clock job ``bewaartermijnen``): what is kept how long, in one place.

Periods come from settings (``RETENTION_*_DAYS``). Nothing here deletes work that is still
pending: waiting e-mail, queued index changes and open reports stay until they are done.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone


def apply_retention(now=None) -> dict[str, int]:
    from django_tasks_db.models import DBTaskResult

    from search.models import IndexQueue
    from themagroepen.bijeenkomsten.models import RegistrationMail
    from themagroepen.discussies.models import Report
    from themagroepen.notificaties.models import EmailStatus, Notification

    now = now or timezone.now()

    def before(days: int):
        return now - timedelta(days=days)

    call_command("clearsessions")
    removed = {
        "taakresultaten": DBTaskResult.objects.finished()
        .filter(finished_at__lt=before(settings.RETENTION_TASK_RESULTS_DAYS))
        .delete()[0],
        # Rows that failed for this long are beyond the queue's help; the nightly reconcile
        # repairs those objects from the database.
        "zoekindex-wachtrij": IndexQueue.objects.filter(
            enqueued_at__lt=before(settings.RETENTION_INDEX_QUEUE_DAYS), attempts__gt=0
        ).delete()[0],
        "meldingen": Notification.objects.filter(created__lt=before(settings.RETENTION_NOTIFICATIONS_DAYS))
        .exclude(email_status__in=[EmailStatus.DIRECT, EmailStatus.DIGEST])
        .delete()[0],
        "inschrijvingsmails": RegistrationMail.objects.filter(
            handled_at__lt=before(settings.RETENTION_NOTIFICATIONS_DAYS)
        ).delete()[0],
        "afgehandelde rapportages": Report.objects.filter(
            resolved_at__lt=before(settings.RETENTION_RESOLVED_REPORTS_DAYS)
        ).delete()[0],
    }
    return removed
