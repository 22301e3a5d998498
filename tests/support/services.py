"""Which real services a test run has, and whether missing ones are an error."""

import os
import shutil
import socket
from functools import cache
from urllib.parse import urlparse

SERVICE_MARKERS = {
    "postgres": "needs a real PostgreSQL server (DATABASE_URL=postgres://...)",
    "redis": "needs a real Redis server (REDIS_URL)",
    "elasticsearch": "needs a real Elasticsearch server (ELASTICSEARCH_URL)",
    "browser": "needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium)",
    "nginx": "needs nginx to validate docker/nginx (Debian package nginx-light)",
}


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES") == "1"


def nginx_path() -> str | None:
    return shutil.which("nginx") or shutil.which("/usr/sbin/nginx")


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@cache
def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port), timeout=2):
            return True
    except OSError:
        return False


def problem_with(marker: str) -> str | None:
    """None when the service is usable, else why not."""
    if marker == "postgres":
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            return "DATABASE_URL does not point at PostgreSQL"
        return None if _reachable(url) else f"PostgreSQL at {urlparse(url).hostname} is unreachable"
    if marker == "redis":
        url = os.environ.get("REDIS_URL", "")
        if not url:
            return "REDIS_URL is not set"
        return None if _reachable(url) else "Redis is unreachable"
    if marker == "elasticsearch":
        url = os.environ.get("ELASTICSEARCH_URL", "")
        if not url:
            return "ELASTICSEARCH_URL is not set"
        return None if _reachable(url) else "Elasticsearch is unreachable"
    if marker == "browser":
        path = chromium_path()
        return None if shutil.which(path) else f"Chromium not found at {path}"
    if marker == "nginx":
        return None if nginx_path() else "nginx not found"
    return None


def missing_services(markers):
    for mark in markers:
        if mark.name in SERVICE_MARKERS and (problem := problem_with(mark.name)):
            yield mark.name, problem
