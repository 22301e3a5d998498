"""Search test helpers: a private Elasticsearch index per test, content in several groups."""

import os
import uuid

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The test content creates several accounts; real password hashing would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def es_index(settings):
    """Point search at the real server with a unique index prefix; delete its indices afterwards."""
    from search.backend import get_client

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    prefix = f"test-{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    client = get_client()
    yield client
    names = [name for name in client.indices.get(index=f"{prefix}-*", allow_no_indices=True)]
    for name in names:
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def wagtail_tree(db):
    """Wagtail's root page, locale and root collection come from migrations; transactional tests
    (the browser tests) flush them, so tests that build pages make sure they exist."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def reference_data(db):
    """Provinces and municipalities come from a data migration; transactional tests flush them."""
    from importlib import import_module

    from django.apps import apps

    from kennisbank.models import Gemeente

    if not Gemeente.objects.exists():
        import_module("kennisbank.migrations.0002_load_gemeenten").load(apps, None)
        import_module("kennisbank.migrations.0008_gemeente_inwoners").load_inwoners(apps, None)


@pytest.fixture
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request):
    """Run a test against both engines: the embedded full-text index and the real Elasticsearch;
    returns the function that brings the engine's index up to date."""
    from search import indexing

    if request.param == "database":
        request.getfixturevalue("database_search")
        return indexing.rebuild_embedded
    request.getfixturevalue("es_index")

    def reindex():
        indexing.rebuild()

    return reindex


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """KP_TEST_DB=/tmp/x.sqlite3 gives this run its own SQLite test file (parallel runs on one
    checkout otherwise share var/test.sqlite3)."""
    from django.conf import settings

    if os.environ.get("KP_TEST_DB") and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        settings.DATABASES["default"]["TEST"]["NAME"] = os.environ["KP_TEST_DB"]


@pytest.fixture(autouse=True)
def _fresh_synonyms():
    """The synonym groups are cached (in Redis under the services); each test reads its own database."""
    from search.analysis import synonyms

    synonyms.forget()
    yield
    synonyms.forget()


@pytest.fixture
def seeded_synonyms(db):
    """The synonym groups come from a data migration; transactional tests flush them."""
    from importlib import import_module

    from django.apps import apps

    from search.models import Synoniemgroep

    if not Synoniemgroep.objects.exists():
        import_module("search.migrations.0002_synoniemgroep_and_embedded_index").seed_synonyms(apps, None)
