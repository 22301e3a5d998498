"""Browser tests: an in-process ASGI server (HTTP + WebSockets) and Chromium via Playwright.

The server runs the real ASGI application (kennisplatform.asgi) with uvicorn in a thread, so
pages, WebSockets and the test share one database. Tests using it need committed data:
the ``live_server_url`` fixture pulls in ``transactional_db``.
"""

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.support.services import chromium_path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _AsgiServer:
    def __init__(self):
        import uvicorn

        from kennisplatform.asgi import application

        self.port = _free_port()
        config = uvicorn.Config(
            application, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", ws="websockets-sansio"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self):
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("ASGI test server did not start")
            time.sleep(0.05)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def _asgi_server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = _AsgiServer()
        server.start()
    yield server
    server.stop()
    with django_db_blocker.unblock():
        _end_sessions_left_by_server_threads()


def _end_sessions_left_by_server_threads():
    """The server's worker threads die holding their connections, which would keep the test
    database from being dropped at the end of the run (PostgreSQL refuses while sessions remain)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture
def live_server_url(_asgi_server, transactional_db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    return _asgi_server.url


@pytest.fixture(scope="module")
def _playwright():
    """Playwright's sync API keeps an event loop running in this thread while it is open.

    The Django calls the browser tests make around it are ordinary synchronous ones, so async
    safety is lifted only meanwhile; module scope closes the loop again before asyncio-based
    tests (WebSocket consumers) of other modules run.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def chromium(_playwright):
    browser = _playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def browser_context(chromium):
    context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """A Chromium page; use with ``live_server_url``."""
    return browser_context.new_page()


def _axe_source() -> str:
    import axe_core_python

    return (Path(axe_core_python.__file__).parent / "axe.min.js").read_text()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page, limited to WCAG 2.1 A and AA rules."""
    # evaluate() runs through the DevTools protocol, so our Content-Security-Policy allows it.
    page.evaluate(_axe_source())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def format_violations(violations) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page)`` fails the test on any WCAG 2.1 A/AA violation."""

    def check(page):
        violations = axe_violations(page)
        assert not violations, "axe-core found WCAG 2.1 A/AA violations:\n" + format_violations(violations)

    return check
