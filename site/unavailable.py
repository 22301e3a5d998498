"""The database gone for a moment (a PostgreSQL restart): a clear 503 page, not a 500.

The page tells the truth about the member's action: when a write of this request had already
committed (its after-commit work ran, ``kennisplatform.aftercommit``) and only building the
answer failed, it says the change was saved, so nobody posts twice; otherwise that nothing was
saved. The template uses no database (no context processors).
"""

import logging

from django.db import DatabaseError, InterfaceError
from django.http import HttpResponse
from django.template.loader import render_to_string

from kennisplatform.aftercommit import track_commits

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def _unavailable(exc: BaseException) -> bool:
    from django.db import OperationalError

    try:
        from psycopg import OperationalError as PsycopgOperationalError
    except ImportError:  # SQLite-only installs
        PsycopgOperationalError = OperationalError  # noqa: N806
    return isinstance(exc, (OperationalError, InterfaceError, PsycopgOperationalError)) or (
        isinstance(exc, DatabaseError) and "connection" in str(exc).lower()
    )


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._committed = track_commits()
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _unavailable(exception):
            return None
        saved = bool(getattr(request, "_committed", [False])[0])
        logger.warning(
            "database onbereikbaar bij %s %s (%s): %s",
            request.method,
            request.path,
            "opgeslagen" if saved else "niets opgeslagen",
            exception.__class__.__name__,
        )
        response = HttpResponse(render_to_string("503.html", {"saved": saved}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
