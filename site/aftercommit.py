"""The one way to run work after a commit: it never raises into the request that committed.

``after_commit(fn, name=...)`` registers ``fn`` with ``transaction.on_commit``. When it fails
(the task table is briefly unreachable, Redis is down, ...) the error is logged and the call
is retried a few times with a short backoff; if it still fails, it is logged as an error and
dropped. Dropping is safe because the durable record was committed with the write: e-mails
that should go out are ``Notification`` rows in state ``direct`` (swept up by the clock job
``meldingen-nasturen``), index changes are ``IndexQueue`` rows (``zoekindex-inhalen``), and
live events are hints that the next page load replaces.
"""

import logging
import threading
import time
from collections.abc import Callable

from django.db import transaction

logger = logging.getLogger(__name__)

RETRY_DELAYS = (0.1, 0.5, 1.5)  # seconds; the member is waiting for the response meanwhile

# Per request (kennisplatform.unavailable sets a fresh holder): did a write with after-commit
# work commit? Then a later database error must not tell the member "nothing was saved".
# Thread-local, not a context variable: Django's sync/async adapters run the view in a copied
# context, but a request's sync middleware, view and commit hooks share one thread.
_local = threading.local()


def track_commits() -> list[bool]:
    _local.committed = [False]
    return _local.committed


def after_commit(fn: Callable[[], object], *, name: str, using=None) -> None:
    transaction.on_commit(lambda: _committed_then_run(fn, name), using=using)


def _committed_then_run(fn, name) -> None:
    holder = getattr(_local, "committed", None)
    if holder is not None:
        holder[0] = True
    run_safely(fn, name=name)


def run_safely(fn: Callable[[], object], *, name: str) -> bool:
    """Call ``fn``; True when it succeeded (possibly after retries)."""
    for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
        try:
            fn()
            return True
        except Exception:
            if delay is None:
                logger.error("na commit: %s definitief mislukt na %s pogingen", name, attempt, exc_info=True)
                return False
            logger.warning("na commit: %s mislukt (poging %s), opnieuw over %s s", name, attempt, delay, exc_info=True)
            _close_broken_connections()
            time.sleep(delay)
    return False


def _close_broken_connections() -> None:
    # A dropped database connection must be replaced before the retry, not reused.
    from django.db import connections

    try:
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()
    except Exception:  # noqa: BLE001 - best effort; the retry reports the real error
        logger.debug("close_old_connections failed", exc_info=True)
