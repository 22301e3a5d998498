"""Test harness: real-service markers, the home page, and the browser (ASGI live server + axe).

Service markers (``postgres``, ``redis``, ``elasticsearch``, ``browser``, ``nginx``, ``vnu``) run a test only when
the service is configured through the environment; otherwise it is skipped with the reason —
unless ``REQUIRE_SERVICES=1`` (as in ``.ci/run``), where a missing service fails the run.
"""

import os
import random

import pytest

from tests.support import event_loops, services

pytest_plugins = ["tests.support.browser", "tests.support.uploads"]


def pytest_configure(config):
    event_loops.install()
    for marker in services.SERVICE_MARKERS:
        config.addinivalue_line("markers", f"{marker}: {services.SERVICE_MARKERS[marker]}")


def pytest_addoption(parser):
    parser.addoption(
        "--test-order",
        default="file",
        help="file (default), reverse, or shuffle:<seed> (modules shuffled, tests in a module kept together)",
    )


def pytest_report_header(config):
    return f"test order: {config.getoption('--test-order')}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """A second order in CI proves that no test depends on what an earlier one left behind.

    Runs before pytest-django's stable sort, so transactional tests (which flush the tables, data
    migrations included) still come after the others, as in Django's own runner.
    """
    order = config.getoption("--test-order")
    if order == "reverse":
        items.reverse()
    elif order.startswith("shuffle:"):
        modules: dict[str, list] = {}
        for item in items:
            modules.setdefault(item.nodeid.split("::")[0], []).append(item)
        groups = list(modules.values())
        random.Random(order.removeprefix("shuffle:")).shuffle(groups)
        items[:] = [item for group in groups for item in group]
    elif order != "file":
        raise pytest.UsageError(f"--test-order: unknown order {order!r}")


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
def _channel_layer_per_test():
    """Every test gets new channel layer instances. channels_redis binds a layer's receive()
    to the event loop that first used it; a consumer left waiting by one test's loop made the
    next test's consumer fail with "Two event loops are trying to receive() on one channel
    layer at once!". With a fresh registry no layer instance can reach a second test's loop."""
    from channels.layers import channel_layers

    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from search.breaker import breaker

    # Circuit breakers are per process: one test's outage must not open the next test's circuit.
    breaker.reset()
    if hasattr(cache, "breaker"):
        cache.breaker.reset()
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
