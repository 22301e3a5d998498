"""The database gone for a moment (a PostgreSQL restart): a clear 503 page, not a 500.

Such a request failed before its transaction committed (a failure after the commit never
reaches here: after-commit work goes through ``kennisplatform.aftercommit``), so the page can
say plainly that nothing was saved. The template uses no database (no context processors).
"""

import logging

from django.db import DatabaseError, InterfaceError
from django.http import HttpResponse
from django.template.loader import render_to_string

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
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _unavailable(exception):
            return None
        logger.warning(
            "database onbereikbaar bij %s %s: %s", request.method, request.path, exception.__class__.__name__
        )
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
