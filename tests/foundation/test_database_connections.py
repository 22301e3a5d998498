"""Under the ASGI server, PostgreSQL sessions stay flat however many requests are served.

Daphne runs each request's view in a fresh thread; with per-thread persistent connections every
one of them left a session open (measured 5 → 14 after 60 requests). The pool hands connections
back after each request instead.
"""

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
POOL_MIN_SIZE = 2
POOL_MAX_SIZE = 6

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sessions_on_test_database() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


@pytest.fixture
def daphne_on_test_database():
    """A Daphne process of the real ASGI application, pointed at this test's database."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    )
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DB_POOL_MIN_SIZE": str(POOL_MIN_SIZE),
        "DB_POOL_MAX_SIZE": str(POOL_MAX_SIZE),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "kennisplatform.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("Daphne did not start: " + process.stderr.read().decode()[-2000:])
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=20)


def fetch(url: str) -> int:
    with urlopen(url, timeout=30) as response:
        response.read()
        return response.status


def test_sessions_do_not_grow_with_requests(daphne_on_test_database):
    page = f"{daphne_on_test_database}/themagroepen/"
    before = sessions_on_test_database()

    assert [fetch(page) for _ in range(30)] == [200] * 30
    after_first_round = sessions_on_test_database()
    assert [fetch(page) for _ in range(30)] == [200] * 30
    after_second_round = sessions_on_test_database()

    assert after_second_round == after_first_round, "every request left a database session open"
    assert after_second_round <= before + POOL_MIN_SIZE + 1


def test_concurrent_requests_wait_for_a_pooled_connection(daphne_on_test_database):
    """More simultaneous requests than the pool holds: all are served, none opens an extra session."""
    page = f"{daphne_on_test_database}/themagroepen/"
    before = sessions_on_test_database()

    with ThreadPoolExecutor(max_workers=POOL_MAX_SIZE + 4) as clients:
        statuses = list(clients.map(fetch, [page] * 120))

    assert statuses == [200] * 120
    assert sessions_on_test_database() <= before + POOL_MAX_SIZE
