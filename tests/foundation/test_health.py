"""GET /health/ tells an operator (and compose healthchecks) which backing service is down."""

import os

import pytest

from kennisplatform import health


@pytest.mark.django_db
def test_health_reports_every_service_as_json(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "channel_layer", "search"}
    for name, check in body["checks"].items():
        assert check["status"] == "ok", (name, check)


@pytest.mark.django_db
def test_health_is_503_when_the_database_is_down(client, monkeypatch):
    def database_down():
        raise ConnectionError("connection refused")

    monkeypatch.setattr(health, "_database", database_down)
    response = client.get("/health/")
    assert response.status_code == 503
    database = response.json()["checks"]["database"]
    assert (database["status"], database["error"]) == ("error", "ConnectionError")


@pytest.mark.django_db
def test_health_degrades_but_serves_when_search_is_unreachable(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"]["search"]["status"] == "error"


@pytest.mark.postgres
@pytest.mark.django_db
def test_health_on_postgresql(client):
    assert client.get("/health/").json()["checks"]["database"]["engine"] == "postgresql"


@pytest.mark.redis
@pytest.mark.django_db
def test_health_on_redis_cache_and_channel_layer(client, settings):
    assert settings.CACHES["default"]["LOCATION"] == os.environ["REDIS_URL"]
    checks = client.get("/health/").json()["checks"]
    assert checks["cache"]["status"] == "ok"
    assert checks["channel_layer"] == {
        "status": "ok",
        "backend": "RedisChannelLayer",
        "ms": checks["channel_layer"]["ms"],
    }


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_health_on_elasticsearch(client):
    search = client.get("/health/").json()["checks"]["search"]
    assert search["status"] == "ok"
    assert search["backend"] == "elasticsearch"
    assert search["cluster"] in {"green", "yellow"}
