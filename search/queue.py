"""Queueing changes for the index and processing the queue with exponential backoff.

Both indexes (Elasticsearch when configured, and the embedded full-text index) are fed from here.
Saving content never depends on Elasticsearch: the queue row is written with the content, the
processing task runs after commit, and a failure only reschedules the row.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import IndexQueue

logger = logging.getLogger(__name__)

BASE_DELAY = timedelta(seconds=10)
MAX_DELAY = timedelta(hours=1)
BATCH_SIZE = 200


def backoff(attempts: int) -> timedelta:
    """10 s, 20 s, 40 s, ... capped at one hour."""
    return min(BASE_DELAY * (2 ** max(attempts - 1, 0)), MAX_DELAY)


def enqueue(label: str, pk, action: str = IndexQueue.Action.INDEX) -> None:
    # Always: the embedded full-text index follows the same queue as Elasticsearch.
    now = timezone.now()
    IndexQueue.objects.update_or_create(
        model_label=label.lower(),
        object_pk=str(pk),
        defaults={"action": action, "next_attempt_at": now, "enqueued_at": now},
    )
    transaction.on_commit(lambda: _start_processing([(label.lower(), str(pk))]), robust=True)


def _start_processing(keys) -> None:
    from .tasks import process_index_queue

    process_index_queue.enqueue(keys=keys)


def process(keys=None, now=None, limit: int = BATCH_SIZE) -> dict[str, int]:
    """Process due rows (or just ``keys``). Never raises for Elasticsearch trouble."""
    from .indexing import sync_object

    now = now or timezone.now()
    rows = IndexQueue.objects.filter(next_attempt_at__lte=now).order_by("next_attempt_at")
    if keys is not None:
        wanted = {tuple(k) for k in keys}
        rows = [
            row
            for row in rows.filter(object_pk__in={pk for _l, pk in wanted})
            if (row.model_label, row.object_pk) in wanted
        ]
    else:
        rows = list(rows[:limit])
    done = failed = 0
    for row in rows:
        try:
            sync_object(row.model_label, row.object_pk)
        except Exception as exc:  # Elasticsearch down, timeouts, mapping errors: retry later
            failed += 1
            row.attempts += 1
            row.next_attempt_at = timezone.now() + backoff(row.attempts)
            row.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
            IndexQueue.objects.filter(pk=row.pk, enqueued_at=row.enqueued_at).update(
                attempts=row.attempts, next_attempt_at=row.next_attempt_at, last_error=row.last_error
            )
            logger.warning(
                "zoekindex: %s:%s mislukt (poging %s): %s", row.model_label, row.object_pk, row.attempts, row.last_error
            )
        else:
            done += 1
            # Only if nobody re-queued the object while we were indexing it.
            IndexQueue.objects.filter(pk=row.pk, enqueued_at=row.enqueued_at).delete()
    return {"verwerkt": done, "mislukt": failed, "wachtend": IndexQueue.objects.count()}
