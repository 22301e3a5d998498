"""Operators can follow a request: JSON log lines carrying the request id of X-Request-ID."""

import json
import logging

import pytest
from django.conf import settings
from django.test import override_settings
from pythonjsonlogger.json import JsonFormatter

from kennisplatform.requestid import RequestIdFilter
from tests.foundation.test_settings_profiles import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def test_each_response_carries_a_request_id_and_keeps_a_proxys(client):
    first = client.get("/health/live/")["X-Request-ID"]
    second = client.get("/health/live/")["X-Request-ID"]
    assert len(first) == 32 and first != second
    kept = client.get("/health/live/", headers={"X-Request-ID": "proxy-abc-12345"})["X-Request-ID"]
    assert kept == "proxy-abc-12345"
    odd = "<script>" * 3
    assert client.get("/health/live/", headers={"X-Request-ID": odd})["X-Request-ID"] != odd


def test_log_lines_are_json_with_the_request_id_and_a_lost_database_is_a_503(client):
    lines = []

    class Capture(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    json_format = settings.LOGGING["formatters"]["json"]
    handler = Capture()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter(json_format["fmt"], rename_fields=json_format["rename_fields"]))
    logger = logging.getLogger("kennisplatform.unavailable")
    logger.addHandler(handler)
    try:
        with override_settings(ROOT_URLCONF="tests.foundation.urls_broken"):
            response = client.get("/kapot/", headers={"X-Request-ID": "req-0123456789"})
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 503 and "Even niet bereikbaar" in response.content.decode()
    assert response["Retry-After"] == "30"
    line = json.loads(lines[-1])
    assert line["request_id"] == "req-0123456789" and line["level"] == "WARNING"
    assert {"time", "logger", "message"} <= set(line)


def test_production_logs_json_and_error_reporting_switches_on_by_configuration():
    script = (
        "import json, logging.config; from django.conf import settings as s; "
        "logging.config.dictConfig(s.LOGGING); "
        "print(json.dumps([s.LOGGING['handlers']['console']['formatter'], s.ADMINS, "
        "s.LOGGING['loggers']['django.request']['handlers'], s.LOGGING['root']['handlers']]))"
    )
    env = {
        **PRODUCTION_ENV,
        "ERROR_REPORT_EMAILS": "beheer@kennisplatform.example",
        "ERROR_REPORT_HANDLER": "logging.NullHandler",
    }
    result = manage("shell", "-c", script, env_overrides=env)
    assert result.returncode == 0, result.stderr
    formatter, admins, request_handlers, root_handlers = json.loads(result.stdout.strip().splitlines()[-1])
    assert formatter == "json"
    assert admins == [["Beheer", "beheer@kennisplatform.example"]]
    assert "mail_admins" in request_handlers and "error_report" in root_handlers


@pytest.mark.django_db(transaction=True)
def test_the_503_page_says_saved_when_the_write_had_committed(client):
    with override_settings(ROOT_URLCONF="tests.foundation.urls_broken"):
        saved = client.get("/kapot-na-opslaan/")
        not_saved = client.get("/kapot/")
    assert saved.status_code == not_saved.status_code == 503
    assert (
        "Uw wijziging is opgeslagen" in saved.content.decode() and "Verstuur het niet opnieuw" in saved.content.decode()
    )
    assert "niet opgeslagen" in not_saved.content.decode()
