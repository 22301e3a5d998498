"""Doing an effect (an e-mail) once, however many workers, retries or duplicate enqueues.

The claim is one conditional UPDATE: of two racing workers only one changes the row, and only
that one performs the effect. If the effect fails, the claim is released so a retry can do it.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet


def claim_once(rows: QuerySet, *, unclaimed: Q, claim: dict, release: dict, effect: Callable[[], bool]) -> bool:
    """Claim ``rows`` that match ``unclaimed`` by setting ``claim``; run ``effect`` only when this
    call won. ``effect`` returns whether it did something; when it raises, ``release`` is set on
    ``rows`` and the error propagates. Returns False when someone else had claimed already."""
    if not rows.filter(unclaimed).update(**claim):
        return False
    try:
        return effect()
    except Exception:
        rows.update(**release)
        raise
