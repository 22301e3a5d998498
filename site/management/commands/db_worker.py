"""django-tasks-db's ``db_worker`` with leases and reconnects (kennisplatform comes first in
INSTALLED_APPS, so this command replaces the library's).

- A heartbeat thread records the worker every few seconds and sweeps up tasks of dead workers
  (kennisplatform.taskworker).
- A lost database (PostgreSQL restart) no longer ends the process: the worker logs, hands its
  interrupted task back, waits with backoff and carries on once the database answers.
- SIGTERM lets the current task finish (the library's behaviour) and tells batch tasks to hand
  back what they have not started (``taskworker.stopping``).
"""

import logging
import threading
import time

from django.db import DatabaseError, InterfaceError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from kennisplatform import taskworker

logger = logging.getLogger("kennisplatform.worker")

MAX_RECONNECT_DELAY = 10.0


class Worker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.started_at = timezone.now()
        self._stop_heart = threading.Event()

    def shutdown(self, signum, frame):
        taskworker.stopping.set()
        super().shutdown(signum, frame)

    def run(self):
        heart = threading.Thread(target=self._heartbeat, name="heartbeat", daemon=True)
        heart.start()
        delay = 0.5
        try:
            while True:
                try:
                    return super().run()
                except (DatabaseError, InterfaceError) as exc:
                    if not self.running:
                        return None
                    logger.warning(
                        "werker %s: database niet bereikbaar (%s), opnieuw over %.1f s",
                        self.worker_id,
                        exc.__class__.__name__,
                        delay,
                    )
                    self.running_task = False
                    time.sleep(delay)
                    delay = min(delay * 2, MAX_RECONNECT_DELAY)
                    self._recover()
        finally:
            self._stop_heart.set()

    def _recover(self) -> None:
        try:
            close_old_connections()
            connection.close()
            released = taskworker.release_own(self.worker_id)
            if released:
                logger.warning("werker %s: onderbroken taak terug in de wachtrij", self.worker_id)
        except (DatabaseError, InterfaceError):
            logger.info("werker %s: database nog niet terug", self.worker_id)

    def _heartbeat(self) -> None:
        interval = max(taskworker.lease().total_seconds() / 4, 0.5)
        last_sweep = 0.0
        while not self._stop_heart.is_set():
            try:
                taskworker.beat(
                    self.worker_id, ",".join(self.queue_names), started_at=self.started_at, tasks_run=self._run_tasks
                )
                if time.monotonic() - last_sweep >= interval * 2:
                    taskworker.sweep_stale_tasks()
                    last_sweep = time.monotonic()
            except Exception:  # noqa: BLE001 - the next beat tries again; the lease covers gaps
                logger.warning("werker %s: hartslag mislukt", self.worker_id, exc_info=True)
            finally:
                connection.close()  # back to the pool; a broken one is not reused
            self._stop_heart.wait(interval)
        try:
            taskworker.forget(self.worker_id)
        except Exception:  # noqa: BLE001 - a stale row expires with its lease
            pass
        finally:
            connection.close()


class Command(db_worker.Command):
    def handle(self, *args, **options):
        db_worker.Worker = Worker  # the library's handle() builds its Worker by this name
        return super().handle(*args, **options)
