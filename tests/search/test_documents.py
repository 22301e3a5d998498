"""What the adapters put in the index: chapter sections with anchors, publication file text."""

import io
import zipfile

import docx
import pytest

from search.documents import adapter_for
from search.extract import extract_text
from tests.search.kennisbank_content import build_handreiking, build_publicatie, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("wagtail_tree")]


def test_a_chapter_becomes_one_document_per_heading_section(home_page):
    chapter = build_handreiking(home_page)
    docs = adapter_for(chapter).readable_documents(chapter)
    assert [(d.title, d.url) for d in docs] == [
        ("De leegstandverordening", "/handreiking/leegstand-te-lijf/de-leegstandverordening/"),
        (
            "Wat regelt de verordening?",
            "/handreiking/leegstand-te-lijf/de-leegstandverordening/#wat-regelt-de-verordening",
        ),
        ("Niet op zichzelf", "/handreiking/leegstand-te-lijf/de-leegstandverordening/#combineren"),
    ]
    assert "meldplicht voor eigenaren" in docs[1].body and "<b>" not in docs[1].body
    assert "omgevingsplan" in docs[2].body
    assert {d.type for d in docs} == {"handreiking"} and all(d.read_keys == {"public"} for d in docs)


def test_unpublished_and_private_pages_are_not_indexed(home_page):
    from wagtail.models import PageViewRestriction

    chapter = build_handreiking(home_page)
    PageViewRestriction.objects.create(page=chapter, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    assert adapter_for(chapter).readable_documents(chapter) == []
    PageViewRestriction.objects.all().delete()
    chapter.unpublish()
    chapter.refresh_from_db()
    assert adapter_for(chapter).readable_documents(chapter) == []


def test_publication_includes_the_text_of_its_pdf(home_page):
    publicatie = build_publicatie(home_page, "Het woord schaarstegebied staat alleen in de bijlage.")
    (doc,) = adapter_for(publicatie).readable_documents(publicatie)
    assert "schaarstegebied" in doc.body
    assert doc.provincie == ["Utrecht"] and doc.year == 2015 and doc.type == "publicatie"


def test_found_through_the_attachment_text(client, home_page, engine):
    build_publicatie(home_page, "Het woord schaarstegebied staat alleen in de bijlage.")
    engine()
    titles = [h["title"] for h in client.get("/api/zoeken/", {"q": "schaarstegebied"}).json()["results"]]
    assert titles == ["Statenbrief over kantoren"]


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_text_extraction_from_office_and_opendocument_files():
    word = docx.Document()
    word.add_paragraph("Leegstandverordening in Word")
    word.add_table(rows=1, cols=1).rows[0].cells[0].text = "tabelcel"
    buffer = io.BytesIO()
    word.save(buffer)
    assert extract_text(buffer.getvalue(), "brief.docx") == "Leegstandverordening in Word\ntabelcel"
    odt = _zip(
        {
            "content.xml": '<office:document-content xmlns:office="urn:o" xmlns:text="urn:t"><office:body>'
            "<text:p>Herbestemming in ODF</text:p></office:body></office:document-content>"
        }
    )
    assert extract_text(odt, "notitie.odt") == "Herbestemming in ODF"
    xlsx = _zip({"xl/sharedStrings.xml": '<sst xmlns="urn:x"><si><t>Kantoren</t></si><si><t>Utrecht</t></si></sst>'})
    assert extract_text(xlsx, "cijfers.xlsx") == "Kantoren Utrecht"
    assert "Transformatie" in extract_text(pdf_bytes("Transformatie in PDF"), "a.pdf")
    assert extract_text(b"not a pdf", "kapot.pdf") == ""
    assert extract_text(b"binary", "foto.jpg") == ""
