"""Group files in search, on both engines (the embedded index and real Elasticsearch): found by
a word inside their PDF or Word text by members only (no hit, title, snippet or facet count for
anyone else), and kept true through the queue on a new version, a rename and a delete."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from search import index as search_index
from search.backend import elasticsearch_configured, get_client
from tests.search.conftest import database_search, engine, es_index  # noqa: F401 (fixtures)
from tests.search.kennisbank_content import pdf_bytes
from tests.themagroepen_bestanden.conftest import client_for, docx_bytes, library_url, upload
from themagroepen.bestanden.models import GroupFile

pytestmark = pytest.mark.django_db


def _refresh():
    if elasticsearch_configured():
        get_client().indices.refresh(index=search_index.alias_name())


def _search(client, q):
    data = client.get("/api/zoeken/", {"q": q}).json()
    counts = {v["value"]: v["count"] for v in data["facets"]["type"]["values"]}
    return {hit["url"] for hit in data["results"]}, counts.get("bestand", 0), str(data)


@pytest.fixture
def files(engine, groep, lid, django_capture_on_commit_callbacks):  # noqa: F811
    engine()  # an empty, current index: from here on only the queue brings files in
    member = client_for(lid)
    with django_capture_on_commit_callbacks(execute=True):
        upload(member, groep, "nota.pdf", pdf_bytes("De kwartiermaker bezoekt lege winkelpanden."))
        upload(member, groep, "plan.docx", docx_bytes("Het herbestemmingsfonds betaalt de eerste verbouwing."))
    _refresh()
    return GroupFile.objects.get(name="nota"), GroupFile.objects.get(name="plan")


@pytest.mark.parametrize("word", ["kwartiermaker", "herbestemmingsfonds"])
def test_members_find_a_file_by_a_word_inside_it_and_nobody_else_does(files, word, lid2, buitenstaander):
    expected = {f.get_absolute_url() for f in files if f.name == ("nota" if word == "kwartiermaker" else "plan")}
    urls, count, _raw = _search(client_for(lid2), word)
    assert (urls, count) == (expected, 1)
    for client in (client_for(buitenstaander), Client()):
        urls, count, raw = _search(client, word)
        assert (urls, count) == (set(), 0)
        assert "nota" not in raw and "plan.docx" not in raw


def test_a_new_version_rename_and_delete_reach_search(files, groep, lid, lid2, django_capture_on_commit_callbacks):
    nota, _plan = files
    member = client_for(lid)
    with django_capture_on_commit_callbacks(execute=True):
        member.post(
            library_url(groep, f"{nota.pk}/nieuwe-versie/"),
            {"file": SimpleUploadedFile("nota-2.pdf", pdf_bytes("Nu met een leegstandsconvenant."))},
        )
        member.post(library_url(groep, f"{nota.pk}/wijzigen/"), {"name": "Notitie winkelstraten", "folder": ""})
    _refresh()
    reader = client_for(lid2)
    assert _search(reader, "leegstandsconvenant")[0] == {nota.get_absolute_url()}
    assert _search(reader, "kwartiermaker")[0] == set()  # the text of the newest version only
    assert _search(reader, "winkelstraten")[0] == {nota.get_absolute_url()}

    with django_capture_on_commit_callbacks(execute=True):
        assert member.post(library_url(groep, f"{nota.pk}/verwijderen/")).status_code == 302
    # Removed before the response returned: no refresh by the test.
    assert _search(reader, "leegstandsconvenant")[:2] == (set(), 0)
