"""Which search engine answers: Elasticsearch when configured, else the database fallback."""

from functools import cache

from django.conf import settings


def elasticsearch_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def get_client():
    # One client per process (it pools connections). Few retries: a down server must fall back fast.
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)


@cache
def _client(url: str, timeout: int):
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)


def search_health():
    """Health detail for /health/: raises when Elasticsearch is configured but unreachable.

    Uses the readers' short timeout and reports an open circuit without waiting, so a frozen
    server never makes the health check hang."""
    if not elasticsearch_configured():
        return {"backend": "database"}
    from .breaker import breaker, reader_client, record

    if not breaker.allow():
        raise RuntimeError("circuit open: Elasticsearch failed recently")
    try:
        health = reader_client().cluster.health()
    except Exception as exc:
        record(exc)
        raise
    record(None)
    if health["status"] == "red":
        raise RuntimeError("cluster is red")
    return {"backend": "elasticsearch", "cluster": health["status"]}
