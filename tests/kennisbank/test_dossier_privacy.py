"""A dossier is the organisation's own: it is in the member's AVG export, it outlives the
member's account without naming them, and it never reaches search, for anyone."""

import pytest
from django.urls import reverse

from accounts import privacy
from tests.kennisbank.test_verordening_wizard import _start, _step, model  # noqa: F401 (model: a fixture)
from tests.search.conftest import database_search, engine, es_index  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "Besproken met wethouder Zwaluwstaartberg"


def _tick_with_note(client, chapter):
    chapter.refresh_from_db()
    block_id = next(block.id for block in chapter.body if block.block_type == "checklist")
    data = {"hoofdstuk": chapter.pk, "checklist": block_id, "vinkje": ["2"], "notitie-2": PRIVATE_NOTE}
    assert client.post(reverse("dossiers:checklist"), data).status_code == 302


def test_the_export_holds_the_members_ticks_and_deletion_leaves_the_dossier_whole(client, kb, officials):
    anna, bram = officials["anna"], officials["bram"]
    client.force_login(anna)
    _tick_with_note(client, kb.chapters[0])

    ticks = privacy.export_user_data(anna)["dossiers"]["vinkjes"]
    assert [(t["organisatie"], t["hoofdstuk"], t["notitie"]) for t in ticks] == [
        ("Gemeente Utrecht", kb.chapters[0].title, PRIVATE_NOTE)
    ]
    assert privacy.export_user_data(bram)["dossiers"]["vinkjes"] == []

    privacy.delete_account(anna)
    client.force_login(bram)
    dossier = client.get(reverse("dossiers:dossier")).content.decode()
    assert "1 van 2 punten afgevinkt" in dossier
    assert "Afgevinkt door Verwijderd lid" in dossier and "Anna de Vries" not in dossier


def test_no_search_result_shows_a_dossier(client, kb, officials, engine):  # noqa: F811
    from django.contrib.auth.models import AnonymousUser

    from search import service
    from search.params import SearchParams

    anna, bram = officials["anna"], officials["bram"]
    client.force_login(anna)
    _tick_with_note(client, kb.chapters[0])
    engine()

    chapter_hits = service.search(SearchParams(q=kb.chapters[0].title), bram).hits
    assert any(hit.url.endswith(kb.chapters[0].url) for hit in chapter_hits)  # the index answers
    for reader in (bram, anna, AnonymousUser()):
        hits = service.search(SearchParams(q="Zwaluwstaartberg wethouder"), reader).hits
        shown = " ".join(f"{hit.title} {hit.snippet} {hit.url}" for hit in hits).lower()
        assert "zwaluwstaartberg" not in shown and "/dossier" not in shown


def test_the_export_names_the_draft_verordeningen_the_member_worked_on(client, kb, officials, model):  # noqa: F811
    from kennisbank.dossiers.models import VerordeningConcept

    anna, bram = officials["anna"], officials["bram"]
    client.force_login(anna)
    concept = _start(client, model)
    client.force_login(bram)
    assert _step(client, concept, "meldplicht", {"meldtermijn": "4", "wijzigingstermijn": "2"}).status_code == 302

    exported = privacy.export_user_data(anna)["dossiers"]["concept_verordeningen"]
    assert [(c["organisatie"], c["door_u_begonnen"], c["door_u_laatst_gewijzigd"]) for c in exported] == [
        ("Gemeente Utrecht", True, False)
    ]
    assert privacy.export_user_data(bram)["dossiers"]["concept_verordeningen"][0]["door_u_laatst_gewijzigd"]
    assert "meldtermijn" not in str(exported)  # the answers are the organisation's text

    privacy.delete_account(bram)
    assert VerordeningConcept.objects.get().answers["meldplicht"]["meldtermijn"] == "4"  # the draft stays
