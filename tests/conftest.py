"""Test harness: real-service markers, the home page, and the browser (ASGI live server + axe).

Service markers (``postgres``, ``redis``, ``elasticsearch``, ``browser``) run a test only when
the service is configured through the environment; otherwise it is skipped with the reason —
unless ``REQUIRE_SERVICES=1`` (as in ``.ci/run``), where a missing service fails the run.
"""

import os

import pytest

from tests.support import services

pytest_plugins = ["tests.support.browser", "tests.support.uploads"]


def pytest_configure(config):
    for marker in services.SERVICE_MARKERS:
        config.addinivalue_line("markers", f"{marker}: {services.SERVICE_MARKERS[marker]}")


def pytest_runtest_setup(item):
    for marker, problem in services.missing_services(item.iter_markers()):
        message = f"{marker}: {problem}"
        if services.services_required():
            pytest.fail(f"REQUIRE_SERVICES=1 but {message}", pytrace=False)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploaded and private files go to a per-test folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home_page(db):
    """The HomePage at the root of the default site.

    Transactional tests flush every table afterwards, including the locale and root page that
    Wagtail's migrations create, so they are recreated when missing.
    """
    from django.conf import settings
    from wagtail.models import Locale, Page

    from kennisplatform.demo import ensure_home_page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    return ensure_home_page()


@pytest.fixture
def verified_user(db):
    """A signed-up official with a verified e-mail address and no groups."""
    return make_verified_user("ambtenaar@gemeente.example")


def make_verified_user(email, password="Sterk-wachtwoord-2026", **extra):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=email, email=email, password=password, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisplatform.settings")
