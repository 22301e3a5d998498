"""Leases for django-tasks-db: worker heartbeats, handing back tasks of dead workers, shutdown.

django-tasks-db marks a task RUNNING when a worker takes it and never looks back: a worker
killed mid-task leaves it RUNNING forever. Our ``db_worker`` (kennisplatform's override of the
command) beats a heartbeat row every few seconds; a RUNNING task whose last worker has not
beaten for ``TASK_LEASE_SECONDS`` goes back to READY (``sweep_stale_tasks``, run by every live
worker and by the clock). Re-running a task is safe because every task here is idempotent:
e-mails are claimed per row, index jobs re-read the object.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus

logger = logging.getLogger(__name__)

# Set on SIGTERM: long batch tasks hand their remaining items back to the queue and return,
# so the current task finishes within the container's stop grace period.
stopping = threading.Event()


def lease() -> timedelta:
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


def beat(worker_id: str, queues: str, *, started_at, tasks_run: int) -> None:
    from kennisplatform.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "queues": queues[:200],
            "host": socket.gethostname()[:200],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": timezone.now(),
            "tasks_run": tasks_run,
        },
    )


def forget(worker_id: str) -> None:
    from kennisplatform.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def _running_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)


def _requeue(task_ids) -> int:
    from django_tasks_db.models import DBTaskResult

    if not task_ids:
        return 0
    return DBTaskResult.objects.filter(pk__in=task_ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def sweep_stale_tasks(now=None) -> int:
    """Hand RUNNING tasks whose worker's lease ran out back to the queue. Returns how many."""
    from kennisplatform.models import WorkerHeartbeat

    now = now or timezone.now()
    cutoff = now - lease()
    with transaction.atomic():
        alive = set(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True))
        stale = [
            pk
            for pk, worker_ids, started_at in _running_tasks().values_list("pk", "worker_ids", "started_at")
            if (not worker_ids or worker_ids[-1] not in alive) and (started_at is None or started_at < cutoff)
        ]
        count = _requeue(stale)
        WorkerHeartbeat.objects.filter(last_seen__lt=now - 10 * lease()).delete()
    if count:
        logger.warning("taken: %s taak/taken van een verdwenen werker terug in de wachtrij", count)
    return count


def release_own(worker_id: str) -> int:
    """After the worker lost its database mid-task: the task it was running gets another go."""
    own = [pk for pk, ids in _running_tasks().values_list("pk", "worker_ids") if ids and ids[-1] == worker_id]
    return _requeue(own)


def oldest_waiting_seconds(now=None) -> float | None:
    """Age of the oldest task that could run now but has not started (None: nothing waits)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task is waiting since it became due: its run_after, or its enqueueing when it had none.
    since = [
        ready.exclude(run_after=get_date_max()).order_by("run_after").values_list("run_after", flat=True).first(),
        ready.filter(run_after=get_date_max()).order_by("enqueued_at").values_list("enqueued_at", flat=True).first(),
    ]
    since = [moment for moment in since if moment is not None]
    if not since:
        return None
    return max((now - min(since)).total_seconds(), 0.0)


def last_heartbeat_seconds(now=None, host: str | None = None) -> float | None:
    from kennisplatform.models import WorkerHeartbeat

    heartbeats = WorkerHeartbeat.objects.all()
    if host:
        heartbeats = heartbeats.filter(host=host)
    last = heartbeats.order_by("-last_seen").values_list("last_seen", flat=True).first()
    if last is None:
        return None
    return max(((now or timezone.now()) - last).total_seconds(), 0.0)
