"""Which search engine answers: Elasticsearch when configured, else the database fallback."""

from django.conf import settings


def elasticsearch_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def get_client():
    from elasticsearch import Elasticsearch

    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=settings.ELASTICSEARCH_TIMEOUT)


def search_health():
    """Health detail for /health/: raises when Elasticsearch is configured but unreachable."""
    if not elasticsearch_configured():
        return {"backend": "database"}
    health = get_client().cluster.health()
    if health["status"] == "red":
        raise RuntimeError("cluster is red")
    return {"backend": "elasticsearch", "cluster": health["status"]}
