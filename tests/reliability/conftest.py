"""Fault-test harness: proxies that break real services, an SMTP sink, worker subprocesses."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.db import connection

from tests.kennisbank.conftest import kb, reference_data  # noqa: F401 - kennisbank pages for the Redis tests
from tests.support.faultproxy import FaultProxy
from tests.support.smtpsink import SMTPSink
from tests.themagroepen_discussies.conftest import groep, lid, lid2, topic  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fault_proxy():
    proxies = []

    def make(url: str) -> FaultProxy:
        parsed = urlparse(url)
        proxy = FaultProxy(parsed.hostname, parsed.port).start()
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.stop()


@pytest.fixture
def smtp_sink(settings):
    sink = SMTPSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", sink.port, False
    settings.EMAIL_TIMEOUT = 2
    yield sink
    sink.stop()


@pytest.fixture
def es_prefix(settings):
    """Real Elasticsearch with an index prefix of this test only; its indices go afterwards."""
    from search.backend import _client

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    prefix = f"test-rs-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    yield prefix
    client = _client(os.environ["ELASTICSEARCH_URL"], 5)  # directly, not through a test's proxy
    for name in client.indices.get(index=f"{prefix}-*", allow_no_indices=True):
        client.indices.delete(index=name, ignore_unavailable=True)


def database_url_for(host=None, port=None) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{host or s['HOST']}:{port or s['PORT']}/{s['NAME']}"


class WorkerProcess:
    """``manage.py db_worker`` as a subprocess on the test database (the production worker)."""

    def __init__(self, env: dict, queues: str = "default,zoekindex"):
        self.env, self.queues, self.process = env, queues, None
        self.log = open(os.devnull, "w")  # noqa: SIM115 - closed in stop()

    def start(self) -> "WorkerProcess":
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name",
                self.queues,
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--no-reload",
                "-v",
                "0",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        return self

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self, timeout: float = 30) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process and self.alive():
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def worker_env(settings):
    def make(**extra) -> dict:
        env = {
            **os.environ,
            "DATABASE_URL": database_url_for(),
            "TASKS_BACKEND": "database",
            "TASK_LEASE_SECONDS": "3",
            "DB_POOL_MIN_SIZE": "1",
            "DB_POOL_MAX_SIZE": "4",
            "DB_POOL_TIMEOUT": "3",
            "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL or "",
            "ELASTICSEARCH_INDEX_PREFIX": settings.ELASTICSEARCH_INDEX_PREFIX,
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
        }
        env.update({key: str(value) for key, value in extra.items()})
        return env

    return make


@pytest.fixture
def workers():
    started = []

    def start(env, queues="default,zoekindex") -> WorkerProcess:
        worker = WorkerProcess(env, queues).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def database_tasks(settings):
    """Tasks go into the database queue (as in production) instead of running at once."""
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}


def wait_until(predicate, timeout: float, interval: float = 0.1, message: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not reached within {timeout} s: {message}")


@pytest.fixture
def redis_proxy(fault_proxy, settings):
    """Cache and channel layer reach Redis through a proxy the test can cut or freeze."""
    redis_url = os.environ["REDIS_URL"]
    proxy = fault_proxy(redis_url)
    url = proxy.url("redis", urlparse(redis_url).path)
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": url, "OPTIONS": {"BREAKER_COOLDOWN": 1}}}
    layer = settings.CHANNEL_LAYERS["default"]
    host = {**layer["CONFIG"]["hosts"][0], "address": url, "socket_timeout": 2}
    settings.CHANNEL_LAYERS = {"default": {**layer, "CONFIG": {**layer["CONFIG"], "hosts": [host]}}}
    return proxy


@pytest.fixture
def es_proxy(fault_proxy, es_prefix, settings):
    """Search reaches Elasticsearch through a proxy the test can cut or freeze."""
    proxy = fault_proxy(os.environ["ELASTICSEARCH_URL"])
    settings.ELASTICSEARCH_URL = proxy.url("http")
    return proxy
