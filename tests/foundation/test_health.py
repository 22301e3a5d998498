"""Health tells the truth: liveness apart from readiness; each service ok / degraded / failing."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from kennisplatform import health

CHECKS = {"database", "cache", "channel_layer", "search", "tasks", "worker"}


@pytest.mark.django_db
def test_health_reports_every_service_as_json(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    for name, check in body["checks"].items():
        assert check["status"] == "ok", (name, check)
    assert client.get("/health/ready/").json()["status"] == "ok"


@pytest.mark.django_db
def test_liveness_asks_no_backing_service(client, monkeypatch):
    def database_down():
        raise ConnectionError("connection refused")

    monkeypatch.setattr(health, "_database", database_down)
    assert client.get("/health/live/").status_code == 200
    response = client.get("/health/ready/")
    assert response.status_code == 503
    database = response.json()["checks"]["database"]
    assert (database["status"], database["error"]) == ("failing", "ConnectionError")
    assert response.json()["status"] == "failing"


@pytest.mark.django_db
def test_health_degrades_but_serves_when_search_is_unreachable(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["search"]["status"] == "failing"


@pytest.mark.django_db
def test_waiting_tasks_and_a_silent_worker_are_reported(client, settings):
    from django_tasks_db.models import DBTaskResult

    from kennisplatform.models import WorkerHeartbeat

    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}
    checks = client.get("/health/").json()["checks"]
    assert checks["worker"]["status"] == "failing"  # no worker ever beat
    assert checks["tasks"] == {"status": "ok", "oldest_waiting_s": None, "ms": checks["tasks"]["ms"]}

    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1", queues="default", host="h", pid=1, started_at=now, last_seen=now - timedelta(seconds=5)
    )
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="search.tasks.process_index_queue",
        backend_name="default",
        run_after=now,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=now - timedelta(minutes=3))
    body = client.get("/health/").json()
    assert body["checks"]["worker"]["status"] == "ok"
    assert body["checks"]["tasks"]["status"] == "degraded"
    assert body["status"] == "degraded"
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=now - timedelta(minutes=20))
    assert client.get("/health/").json()["checks"]["tasks"]["status"] == "failing"


@pytest.mark.postgres
@pytest.mark.django_db
def test_health_on_postgresql(client):
    assert client.get("/health/").json()["checks"]["database"]["engine"] == "postgresql"


@pytest.mark.redis
@pytest.mark.django_db
def test_health_on_redis_cache_and_channel_layer(client, settings):
    assert settings.CACHES["default"]["LOCATION"] == os.environ["REDIS_URL"]
    checks = client.get("/health/").json()["checks"]
    assert checks["cache"] == {"status": "ok", "backend": "redis", "ms": checks["cache"]["ms"]}
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
