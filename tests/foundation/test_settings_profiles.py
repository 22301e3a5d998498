"""The production profile is safe by construction; development needs nothing installed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "-a-long-random-production-secret-key-0123456789"

PRODUCTION_ENV = {
    "DJANGO_PROFILE": "production",
    "SECRET_KEY": STRONG_KEY,
    "DATABASE_URL": "postgres://kennisplatform:geheim@db:5432/kennisplatform",
    "REDIS_URL": "redis://redis:6379/0",
    "ELASTICSEARCH_URL": "http://elasticsearch:9200",
    "EMAIL_HOST": "smtp.example.nl",
    "ALLOWED_HOSTS": "kennisplatform.example.nl",
}


def manage(*args, env_overrides, drop=()):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(env_overrides)
    for key in drop:
        env.pop(key, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_under_production_profile_prints_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "drop", "message"),
    [
        ({}, ("SECRET_KEY",), "SECRET_KEY"),
        ({"SECRET_KEY": "development-only-secret-key-not-for-production"}, (), "SECRET_KEY"),
        ({"DEBUG": "1"}, (), "DEBUG"),
        ({}, ("DATABASE_URL",), "DATABASE_URL"),
        ({}, ("ALLOWED_HOSTS",), "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_when_unsafe(overrides, drop, message):
    result = manage("check", env_overrides={**PRODUCTION_ENV, **overrides}, drop=drop)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_loaddemo_refuses_under_production_profile():
    result = manage("loaddemo", env_overrides=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "productieprofiel" in result.stderr


def test_development_defaults_in_a_clean_environment():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.CHANNEL_LAYERS['default']['BACKEND'], s.EMAIL_BACKEND, s.ELASTICSEARCH_URL, s.DEBUG]))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_HOST", "DJANGO_PROFILE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "kennisplatform.settings"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '["django.db.backends.sqlite3", "django.core.cache.backends.locmem.LocMemCache", '
        '"channels.layers.InMemoryChannelLayer", "django.core.mail.backends.console.EmailBackend", "", true]'
    )
