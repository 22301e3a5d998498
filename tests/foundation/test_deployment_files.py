"""docker-compose.yml and the Docker images stay in step with the settings and with CI."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def ci_elasticsearch_version() -> str:
    script = (ROOT / "scripts/services/elasticsearch.sh").read_text()
    return re.search(r"ES_VERSION=\$\{KP_ES_VERSION:-([0-9.]+)\}", script).group(1)


def test_every_service_the_production_settings_need_is_in_compose():
    services = compose()["services"]
    assert {"web", "worker", "db", "redis", "elasticsearch"} <= set(services)
    environment = services["web"]["environment"]
    assert environment["DJANGO_PROFILE"] == "production"
    # Each URL the production profile requires points at a service of this file.
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert environment["ELASTICSEARCH_URL"].startswith("http://elasticsearch:")
    for required in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST"):
        assert required in environment
    assert services["worker"]["environment"]["TASKS_BACKEND"] == "database"
    # One worker per queue: index jobs never wait behind an e-mail batch.
    from django.conf import settings

    queues = {}
    for name, service in services.items():
        command = service.get("command") or []
        if "db_worker" in command:
            queues[command[command.index("--queue-name") + 1]] = name
            assert "stop_grace_period" in service, name  # SIGTERM lets the running task finish
            assert "werkercontrole" in service["healthcheck"]["test"], name
    assert set(queues) == set(settings.TASK_QUEUES)
    # One clock for every scheduled job, no shell loop with a marker file.
    assert services["scheduler"]["command"] == ["python", "manage.py", "klok"]
    assert "--check" in services["scheduler"]["healthcheck"]["test"]


def test_no_secret_is_written_into_compose():
    environment = compose()["services"]["web"]["environment"]
    for key in ("SECRET_KEY", "EMAIL_HOST_PASSWORD"):
        assert environment[key].startswith("${"), key
    assert "${POSTGRES_PASSWORD" in environment["DATABASE_URL"]


def test_every_long_running_service_has_a_healthcheck_and_data_is_on_named_volumes():
    data = compose()
    for name in ("web", "worker", "worker-zoekindex", "scheduler", "db", "redis", "elasticsearch"):
        assert "healthcheck" in data["services"][name], name
    assert "/health/" in " ".join(data["services"]["web"]["healthcheck"]["test"])
    assert {"postgres", "redis", "elasticsearch", "media", "private"} <= set(data["volumes"])


def test_elasticsearch_in_compose_is_the_version_ci_tests_against():
    version = ci_elasticsearch_version()
    compose_version = compose()["services"]["elasticsearch"]["build"]["args"]["ELASTICSEARCH_VERSION"]
    dockerfile = (ROOT / "docker/elasticsearch/Dockerfile").read_text()
    assert compose_version == version
    assert f"ELASTICSEARCH_VERSION={version}" in dockerfile
    # The index settings use the Dutch hunspell dictionary; the image must carry it.
    assert "hunspell/nl_NL" in dockerfile


def test_connection_pools_of_all_app_processes_fit_in_postgresql():
    """Each app process has its own pool; together they stay below PostgreSQL's max_connections."""
    services = compose()["services"]
    settings_source = (ROOT / "site/settings.py").read_text()
    default_max = int(re.search(r'env_int\("DB_POOL_MAX_SIZE", (\d+)\)', settings_source).group(1))
    app_processes = [
        name
        for name, service in services.items()
        if name != "migrate" and "DATABASE_URL" in service.get("environment", {})
    ]
    pools = {name: int(services[name]["environment"].get("DB_POOL_MAX_SIZE", default_max)) for name in app_processes}
    assert set(pools) == {"web", "worker", "worker-zoekindex", "scheduler"}
    postgres_max_connections = 100  # the postgres image's default; compose does not raise it
    assert "max_connections" not in " ".join(map(str, services["db"].get("command", [])))
    assert sum(pools.values()) + 1 < postgres_max_connections  # + the one-shot migrate
