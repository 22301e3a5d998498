"""Queueing changes for the index and processing the queue with exponential backoff.

Both indexes (Elasticsearch when configured, and the embedded full-text index) are fed from here.
Saving content never depends on Elasticsearch: the queue row is written with the content, the
processing task runs after commit, and a failure only reschedules the row.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone

from kennisplatform import taskworker
from kennisplatform.aftercommit import after_commit

from .backend import elasticsearch_configured
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
    after_commit(lambda: _start_processing([(label.lower(), str(pk))]), name="zoekindex bijwerken")


def _start_processing(keys) -> None:
    from .tasks import process_index_queue

    process_index_queue.enqueue(keys=keys)


def process(keys=None, now=None, limit: int = BATCH_SIZE) -> dict[str, int]:
    """Process due rows (or just ``keys``). Never raises for Elasticsearch trouble."""
    from .breaker import breaker, record
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
        # Elasticsearch just failed, or the worker is stopping (SIGTERM): the rest stays queued.
        if not breaker.allow() or taskworker.stopping.is_set():
            break
        try:
            sync_object(row.model_label, row.object_pk)
        except Exception as exc:  # Elasticsearch down, timeouts, mapping errors: retry later
            record(exc)
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
            record(None)
            done += 1
            # Only if nobody re-queued the object while we were indexing it.
            IndexQueue.objects.filter(pk=row.pk, enqueued_at=row.enqueued_at).delete()
    return {"verwerkt": done, "mislukt": failed, "wachtend": IndexQueue.objects.count()}


def sync_now(*instances) -> None:
    """Bring these objects' documents up to date *now*, visible to the very next search.

    For moderation removals: a hidden post must not stay findable until the worker's turn and
    the index's next refresh (Elasticsearch and the embedded index alike). Covers the objects whose documents follow them (a hidden topic's
    replies). Call after commit (``transaction.on_commit``). Never raises: when
    Elasticsearch is down, the queue rows written with the change stay for the worker.
    """
    from .documents import object_keys
    from .indexing import sync_objects

    started = timezone.now()
    try:
        keys = list(dict.fromkeys(key for instance in instances for key in object_keys(instance)))
        sync_objects(keys, refresh=True)
    except Exception as exc:  # noqa: BLE001 - the durable queue retries
        logger.warning("zoekindex: direct bijwerken mislukt, de wachtrij probeert het opnieuw: %s", exc)
        return
    by_label: dict[str, list[str]] = {}
    for label, pk in keys:
        by_label.setdefault(label, []).append(pk)
    for label, pks in by_label.items():
        IndexQueue.objects.filter(model_label=label, object_pk__in=pks, enqueued_at__lte=started).delete()


def catch_up(limit: int = BATCH_SIZE * 5) -> dict[str, int]:
    """Clock job: once Elasticsearch answers, process every waiting row now, whatever its
    backoff says, so the index converges within a minute of the server's return."""
    from .breaker import breaker, reader_client, record

    if not elasticsearch_configured() or not IndexQueue.objects.exists():
        return {"verwerkt": 0, "mislukt": 0, "wachtend": 0}
    try:
        reader_client().cluster.health()
    except Exception as exc:
        record(exc)
        return {"verwerkt": 0, "mislukt": 0, "wachtend": IndexQueue.objects.count()}
    breaker.reset()
    latest = IndexQueue.objects.order_by("-next_attempt_at").values_list("next_attempt_at", flat=True).first()
    return process(now=max(latest, timezone.now()), limit=limit)
