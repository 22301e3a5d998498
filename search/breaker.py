"""Elasticsearch answers readers fast or not at all: a short timeout and a circuit breaker.

Searches, suggestions and the health check use ``reader_client()`` (timeout
``ELASTICSEARCH_SEARCH_TIMEOUT``, default 0.3 s) through ``guarded``: when Elasticsearch is
down or frozen the first caller waits at most that timeout, the circuit opens, and everyone
gets the database fallback at once until the cooldown (``ELASTICSEARCH_BREAKER_COOLDOWN``,
5 s) lets one request try again. Indexing keeps the longer client timeout but stops a batch as
soon as the circuit is open, so a frozen server does not hold the worker for minutes.
"""

from __future__ import annotations

import logging

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

from kennisplatform.circuit import CircuitBreaker

from .backend import get_client

logger = logging.getLogger(__name__)

breaker = CircuitBreaker("elasticsearch", cooldown=settings.ELASTICSEARCH_BREAKER_COOLDOWN)


def is_outage(exc: BaseException) -> bool:
    """Connection trouble, timeouts and server-side errors; not a 4xx about one request."""
    if isinstance(exc, TransportError):
        return True
    return isinstance(exc, ApiError) and (exc.meta.status >= 500 or exc.meta.status == 429)


def reader_client():
    return get_client().options(request_timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)


def guarded(call, fallback):
    """``call(client)`` unless the circuit is open; any Elasticsearch error gives ``fallback()``."""
    if not breaker.allow():
        return fallback()
    try:
        result = call(reader_client())
    except (TransportError, ApiError) as exc:
        if is_outage(exc):
            breaker.failure()
        else:
            breaker.success()
        logger.warning("zoeken: Elasticsearch niet bruikbaar (%s), terugval op de database", exc.__class__.__name__)
        return fallback()
    breaker.success()
    return result


def record(exc: BaseException | None) -> None:
    """Indexing reports each outcome, so readers and writers share one view of the server."""
    if exc is not None and is_outage(exc):
        breaker.failure()
    else:
        breaker.success()
