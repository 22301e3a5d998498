"""The checklist dossier of a gemeente: officials tick items for their organisation, colleagues
see who ticked what and when, other organisations see nothing; exports for a collegevoorstel."""

from io import BytesIO

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _checklist_id(chapter):
    chapter.refresh_from_db()
    return next(block.id for block in chapter.body if block.block_type == "checklist")


def _tick(client, chapter, items, notes=None):
    data = {"hoofdstuk": chapter.pk, "checklist": _checklist_id(chapter), "vinkje": [str(i) for i in items]}
    data.update({f"notitie-{item}": note for item, note in (notes or {}).items()})
    return client.post(reverse("dossiers:checklist"), data)


def test_colleagues_see_who_ticked_what_and_other_gemeenten_see_nothing(client, kb, officials):
    chapter = kb.chapters[0]
    client.force_login(officials["anna"])
    response = _tick(client, chapter, [2], {2: "Besproken met de wethouder"})
    assert response.status_code == 302
    assert response["Location"] == f"{chapter.url}#dossier-{_checklist_id(chapter)}"

    client.force_login(officials["bram"])
    page = client.get(chapter.url).content.decode()
    assert "Afgevinkt door Anna de Vries op" in page
    assert "Besproken met de wethouder" in page
    assert 'name="vinkje" value="2" id="dossier-' in page and " checked>" in page
    dossier = client.get(reverse("dossiers:dossier")).content.decode()
    assert "1 van 2 punten afgevinkt" in dossier and "Gemeente Utrecht" in dossier

    client.force_login(officials["carla"])
    page = client.get(chapter.url).content.decode()
    assert "Afgevinkt door" not in page and "wethouder" not in page and " checked>" not in page
    dossier = client.get(reverse("dossiers:dossier")).content.decode()
    assert "Gemeente Amsterdam" in dossier and "0 van 2 punten afgevinkt" in dossier
    assert "Anna de Vries" not in dossier and "wethouder" not in dossier


def test_unticking_removes_the_tick_and_notes_can_change(client, kb, officials):
    from kennisbank.dossiers.models import Vinkje

    chapter = kb.chapters[0]
    client.force_login(officials["anna"])
    _tick(client, chapter, [1, 2], {1: "eerste"})
    client.force_login(officials["bram"])
    _tick(client, chapter, [1], {1: "aangepast"})
    ticks = list(Vinkje.objects.all())
    assert len(ticks) == 1
    assert ticks[0].item == 1 and ticks[0].note == "aangepast"
    assert ticks[0].ticked_by == officials["anna"]  # who ticked it stays


def test_anonymous_visitors_keep_the_in_browser_checklist(client, kb):
    page = client.get(kb.chapters[0].url).content.decode()
    assert "data-checklist=" in page and "Uw vinkjes worden alleen in deze browser bewaard." in page
    assert reverse("dossiers:checklist") not in page
    response = client.post(reverse("dossiers:checklist"), {"hoofdstuk": kb.chapters[0].pk})
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_an_official_without_a_verified_organisation_has_no_dossier(client, kb, officials, verified_user):
    client.force_login(verified_user)  # gemeente.example: no known organisation domain
    assert "data-checklist=" in client.get(kb.chapters[0].url).content.decode()
    response = client.get(reverse("dossiers:dossier"))
    assert response.status_code == 403
    assert "U hebt (nog) geen dossier" in response.content.decode()
    assert _tick(client, kb.chapters[0], [1]).status_code == 403


def test_bad_posts_are_refused_in_dutch(client, kb, officials):
    client.force_login(officials["anna"])
    chapter = kb.chapters[0]
    bad_item = client.post(
        reverse("dossiers:checklist"), {"hoofdstuk": chapter.pk, "checklist": _checklist_id(chapter), "vinkje": "x"}
    )
    assert bad_item.status_code == 400 and "bestaat niet" in bad_item.content.decode()
    unknown = client.post(reverse("dossiers:checklist"), {"hoofdstuk": chapter.pk, "checklist": "nope"})
    assert unknown.status_code == 400
    draft = client.post(reverse("dossiers:checklist"), {"hoofdstuk": kb.chapters[2].pk, "checklist": "x"})
    assert draft.status_code == 404
    assert client.post(reverse("dossiers:checklist"), {"hoofdstuk": "abc"}).status_code == 404
    assert client.get("/dossier/dossier.exe").status_code == 404


def test_ticks_are_read_through_the_access_keys(kb, officials):
    from accounts.services import get_profile
    from kennisbank.dossiers import services
    from kennisbank.dossiers.models import Vinkje
    from kennisplatform.access import organisation_key, organisation_keys

    utrecht = get_profile(officials["anna"]).organisation
    assert organisation_keys(officials["bram"]) == {organisation_key(utrecht.pk)}
    chapter = kb.chapters[0]
    services.save_checklist(officials["anna"], utrecht, chapter, _checklist_id(chapter), {1}, {})
    tick = Vinkje.objects.get()
    assert tick.read_keys() == {organisation_key(utrecht.pk)}
    assert list(services.readable_ticks(officials["bram"])) == [tick]
    assert list(services.readable_ticks(officials["carla"])) == []


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_the_dossier_exports_for_a_collegevoorstel(client, kb, officials, fmt):
    client.force_login(officials["anna"])
    _tick(client, kb.chapters[0], [2], {2: "Besproken met de wethouder"})
    response = client.get(reverse("dossiers:export", args=(fmt,)))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="dossier-leegstand.{fmt}"'
    text = _document_text(fmt, response.content)
    assert "Dossier leegstandsaanpak – Gemeente Utrecht" in text
    assert "Waarom aanpakken (1 van 2 punten)" in text
    assert "☑ Punt twee" in text and "☐ Punt één" in text
    assert "Afgevinkt door Anna de Vries op" in text
    assert "Notitie: Besproken met de wethouder" in text
    assert "Geheim concept" not in text  # an unpublished chapter is no part of it

    client.force_login(officials["carla"])
    other = _document_text(fmt, client.get(reverse("dossiers:export", args=(fmt,))).content)
    assert "Gemeente Amsterdam" in other and "wethouder" not in other and "Anna" not in other


def _document_text(fmt, content):
    """The document's words on one line (PDF text wraps where the page ends)."""
    return " ".join(_raw_text(fmt, content).split())


def _raw_text(fmt, content):
    if fmt == "docx":
        from docx import Document

        return "\n".join(paragraph.text for paragraph in Document(BytesIO(content)).paragraphs)
    if fmt == "odt":
        from odf import teletype
        from odf.opendocument import load
        from odf.text import H, P

        document = load(BytesIO(content))
        return "\n".join(teletype.extractText(e) for kind in (H, P) for e in document.getElementsByType(kind))
    from pypdf import PdfReader

    assert content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
