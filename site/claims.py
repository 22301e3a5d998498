"""Doing an effect (an e-mail) once, however many workers, retries or duplicate enqueues.

The claim is a row lock and the record of the effect, in one transaction: the rows still
unclaimed are locked (rows another worker holds are skipped), the effect runs, and the claim is
written before the commit. A failing effect rolls the claim back, and so does a worker that dies
mid-effect (PostgreSQL ends its transaction), so a retry finds the rows unclaimed again. Only a
death between the SMTP server's "250 OK" and the commit can repeat a mail; our messages carry
a stable Message-ID so mail clients drop such a duplicate.
"""

from collections.abc import Callable

from django.db import transaction
from django.db.models import Q, QuerySet


def claim_once(rows: QuerySet, *, unclaimed: Q, claim: dict, effect: Callable[[list], bool]) -> bool:
    """Lock ``rows`` matching ``unclaimed``, run ``effect(pks)`` and, when it returns True, set
    ``claim`` on those rows, all in one transaction. Returns False when nothing was left to claim
    (someone else did it, or is doing it now) or the effect did nothing; its errors propagate."""
    with transaction.atomic():
        pks = list(
            rows.filter(unclaimed).select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)
        )
        if not pks:
            return False
        done = effect(pks)
        if done:
            rows.model._default_manager.filter(pk__in=pks).update(**claim)
        return done
