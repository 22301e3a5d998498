"""Working through an e-mail outbox: rows written in the transaction that made them owed
(notifications, meeting mails), sent by a task that claims each row once (``claims.claim_once``).

Shared here so both outboxes behave alike: SIGTERM hands the unsent rest to the next worker, SMTP
trouble is retried with backoff, and the clock job ``meldingen-nasturen`` sweeps up rows whose
task was lost or ran out of attempts. Each mail carries a stable Message-ID (``message_id``), so
the one duplicate a claim cannot rule out (a death between SMTP's "250 OK" and the commit) is
dropped by mail clients.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import default_task_backend

from kennisplatform import taskworker

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # 10 s ... 21 min; after that the sweep keeps trying every few minutes
SWEEP_AFTER = timedelta(minutes=5)
SWEEP_CHUNK = 50
SWEEP_LIMIT = 5000


def retry_delay(attempt: int) -> timedelta:
    """EMAIL_RETRY_SECONDS (10) doubled per attempt, at most an hour."""
    return timedelta(seconds=min(settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), 3600))


def message_id(kind: str, pk) -> str:
    return f"<{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname or 'kennisplatform'}>"


def send_each(task, ids: list, attempt: int, send_one: Callable[[int], bool], what: str) -> int:
    """Run ``send_one(pk)`` for each id (it claims and sends, returning True when it mailed);
    ``task`` is the django-tasks task taking ``(ids, attempt)`` that called this. Returns how many
    were mailed; failures are never raised, they are retried."""
    sent, failed = 0, []
    for index, pk in enumerate(ids):
        if taskworker.stopping.is_set():
            # SIGTERM: finish this task now and leave the rest to the next worker.
            task.enqueue(list(ids[index:]), attempt)
            break
        try:
            if send_one(pk):
                sent += 1
        except Exception as exc:  # SMTP down or refusing: the claim was rolled back
            logger.warning("%s %s mislukt (poging %s): %s", what, pk, attempt, exc)
            failed.append(pk)
    if failed and attempt < MAX_ATTEMPTS and default_task_backend.supports_defer:
        task.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(failed, attempt + 1)
    elif failed:  # no deferring backend (development), or out of attempts: the sweep keeps trying
        logger.error("%s: %s niet verstuurd na %s poging(en)", what, len(failed), attempt)
    return sent


def sweep(pending: QuerySet, task, now=None) -> int:
    """Clock job: rows of ``pending`` created before ``SWEEP_AFTER`` ago get a new task. Harmless
    when a task for them is still queued: the claim lets only one send."""
    cutoff = (now or timezone.now()) - SWEEP_AFTER
    ids = list(pending.filter(created__lt=cutoff).order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT])
    for start in range(0, len(ids), SWEEP_CHUNK):
        task.enqueue(ids[start : start + SWEEP_CHUNK])
    return len(ids)
