# ruff: noqa: F811  (fixtures imported from tests/search/conftest.py are parameters here)
"""Reads that got through before every Wagtail door asked the access module (issue 12, reads 1, 2,
5 and 6). Each test uses only long-standing public functions and URLs, so it also runs against
the code before the fix, where it fails.
"""

import datetime
import importlib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from search import index as search_index
from search import indexing
from tests.conftest import make_verified_user

# The search tests' fixtures (a private Elasticsearch index, Wagtail's root nodes, fast hashing).
from tests.search.conftest import _fast_passwords, es_index, wagtail_tree  # noqa: F401

pytestmark = pytest.mark.django_db

SECRET = "Alleen voor ingelogde ambtenaren"
PASSWORD = "Sterk-wachtwoord-2026"


def _instrument(parent, slug, title, **fields):
    from kennisbank.models import InstrumentPage

    page = InstrumentPage(title=title, slug=slug, kind="juridisch", summary=f"{title}: samenvatting.", **fields)
    parent.add_child(instance=page)
    return page


def _index_page(home_page, slug):
    from kennisbank.models import InstrumentIndexPage

    page = InstrumentIndexPage(title=slug.capitalize(), slug=slug)
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def unverified(db):
    return get_user_model().objects.create_user(
        username="nooit-bevestigd@gemeente.example", email="nooit-bevestigd@gemeente.example", password=PASSWORD
    )


@pytest.fixture
def login_only_page(home_page):
    page = _instrument(_index_page(home_page, "instrumenten"), "besloten-instrument", SECRET)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


# --- read 1: an unverified account through Wagtail's own login doors ----------------------------


@pytest.mark.parametrize("door", ["/_util/login/", "/cms/login/"])
def test_wagtail_login_doors_do_not_sign_in_unverified_accounts(client, unverified, login_only_page, door):
    client.post(door, {"username": unverified.username, "password": PASSWORD})
    response = client.get(login_only_page.url)
    assert SECRET not in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("debug", [False, True])
def test_signed_in_unverified_account_gets_the_404_of_a_missing_page(settings, unverified, login_only_page, debug):
    settings.DEBUG = debug
    client = Client()
    client.force_login(unverified)
    forbidden = client.get(login_only_page.url)
    missing_url = login_only_page.url.replace("besloten-instrument", "bestaat-niet")
    missing = client.get(missing_url)
    assert forbidden.status_code == missing.status_code == 404
    assert SECRET not in forbidden.content.decode()
    assert _without_tokens(forbidden).replace("besloten-instrument", "bestaat-niet") == _without_tokens(missing)


def _without_tokens(response) -> str:
    """The page as a reader compares it: CSRF tokens differ per response by design."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_verified_official_still_reads_login_only_pages(client, login_only_page):
    client.force_login(make_verified_user("ambtenaar@gemeente.example"))
    response = client.get(login_only_page.url)
    assert response.status_code == 200 and SECRET in response.content.decode()


def test_anonymous_visitor_of_a_login_only_page_is_sent_to_allauth(client, login_only_page):
    response = client.get(login_only_page.url)
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


# --- read 2: documents of unpublished or login-only publicaties ---------------------------------


def _publicatie_with_document(home_page, slug, *, live=True, restricted=False):
    from kennisbank.models import PublicatieIndexPage, PublicatiePage

    index = PublicatieIndexPage.objects.first()
    if index is None:
        index = PublicatieIndexPage(title="Publicaties", slug="publicaties")
        home_page.add_child(instance=index)
    document = get_document_model().objects.create(
        title=f"Bijlage {slug}",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{slug}.pdf"),
        collection=Collection.get_first_root_node(),
    )
    page = PublicatiePage(
        title=f"Publicatie {slug}",
        slug=slug,
        date=datetime.date(2024, 1, 1),
        sender_kind="vng",
        sender="VNG",
        kind="rapport",
        summary="Samenvatting.",
        document=document,
        live=live,
    )
    index.add_child(instance=page)
    if restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page, document


@pytest.fixture
def debug_urls(settings):
    """The URLconf as ``make run`` has it (DEBUG on: media served by Django)."""
    import kennisplatform.urls

    settings.DEBUG = True
    importlib.reload(kennisplatform.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(kennisplatform.urls)
    clear_url_caches()


def test_documents_of_draft_and_login_only_publicaties_do_not_download_anonymously(
    client, wagtail_tree, home_page, debug_urls
):
    _public, public_doc = _publicatie_with_document(home_page, "openbaar")
    _draft, draft_doc = _publicatie_with_document(home_page, "concept", live=False)
    _closed, closed_doc = _publicatie_with_document(home_page, "besloten", restricted=True)
    assert client.get(public_doc.url).status_code == 200
    for document in (draft_doc, closed_doc):
        assert client.get(document.url).status_code == 404, document.url
        media_url = f"/media/{document.file.name}"
        assert client.get(media_url).status_code == 404, media_url
        assert client.get(f"/media/./{document.file.name}").status_code == 404
    client.force_login(make_verified_user("ambtenaar@gemeente.example"))
    assert client.get(closed_doc.url).status_code == 200
    assert client.get(draft_doc.url).status_code == 404


# --- reads 5 and 6: search after a move and after a change of the restriction's groups ----------


def _found(client, q, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    results = client.get("/api/zoeken/", {"q": q}).json()["results"]
    return {hit["title"].replace("<mark>", "").replace("</mark>", "") for hit in results}


@pytest.mark.elasticsearch
def test_moving_under_a_restricted_parent_reindexes_the_page_and_its_descendants(
    client, es_index, wagtail_tree, home_page, django_capture_on_commit_callbacks
):
    from tests.themagroepen.conftest import make_group
    from themagroepen.models import Membership

    groep = make_group("Leegstand en herbestemmen")
    lid = make_verified_user("lid@gemeente.example")
    Membership.objects.create(themagroep=groep, user=lid)
    besloten = _index_page(home_page, "besloten")
    restriction = PageViewRestriction.objects.create(page=besloten, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([groep.auth_group])
    archief = _index_page(home_page, "archief")
    _instrument(archief, "kantorenloods", "Kantorenloods Amersfoort")
    indexing.rebuild()
    assert "Kantorenloods Amersfoort" in _found(client, "kantorenloods")

    with django_capture_on_commit_callbacks(execute=True):
        archief.move(besloten, pos="last-child")
    es_index.indices.refresh(index=search_index.alias_name())
    assert _found(client, "kantorenloods") == set()
    assert _found(client, "kantorenloods", make_verified_user("buiten@gemeente.example")) == set()
    assert "Kantorenloods Amersfoort" in _found(client, "kantorenloods", lid)


@pytest.mark.elasticsearch
def test_changing_only_the_groups_of_a_restriction_reindexes_its_pages(
    client, es_index, wagtail_tree, home_page, django_capture_on_commit_callbacks
):
    from tests.themagroepen.conftest import make_group
    from themagroepen.models import Membership

    oud, nieuw = make_group("Oude groep"), make_group("Nieuwe groep")
    oud_lid, nieuw_lid = make_verified_user("oud@gemeente.example"), make_verified_user("nieuw@gemeente.example")
    Membership.objects.create(themagroep=oud, user=oud_lid)
    Membership.objects.create(themagroep=nieuw, user=nieuw_lid)
    page = _instrument(_index_page(home_page, "instrumenten"), "kantorenloods", "Kantorenloods Amersfoort")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([oud.auth_group])
    indexing.rebuild()
    assert "Kantorenloods Amersfoort" in _found(client, "kantorenloods", oud_lid)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.set([nieuw.auth_group])  # saves no restriction: only m2m_changed fires
    es_index.indices.refresh(index=search_index.alias_name())
    assert _found(client, "kantorenloods", oud_lid) == set()
    assert "Kantorenloods Amersfoort" in _found(client, "kantorenloods", nieuw_lid)


# --- breadcrumbs ask access too ------------------------------------------------------------------


def test_breadcrumbs_leave_out_a_draft_parent(client, home_page):
    index = _index_page(home_page, "instrumenten")
    page = _instrument(index, "kantorenloods", "Kantorenloods")
    index.title = "Werktitel van een concept"
    index.save()
    index.unpublish(log_action=False)  # Wagtail still serves the live page below it
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Werktitel van een concept" not in response.content.decode()
    assert "Kantorenloods" in response.content.decode()
