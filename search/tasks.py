"""Background processing of the indexing queue (django-tasks, enqueued after commit)."""

import logging

from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)


@task(queue_name="zoekindex")
def process_index_queue(keys=None):
    from . import queue

    result = queue.process(keys=keys)
    if result["mislukt"] and default_task_backend.supports_defer:
        # A worker backend retries by itself once the earliest backoff has passed;
        # `manage.py zoekindex process` does the same from cron or by hand.
        from .models import IndexQueue

        first = IndexQueue.objects.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
        if first:
            process_index_queue.using(run_after=first).enqueue()
    return result
