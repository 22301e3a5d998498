"""The model verordening as editable OpenDocument and Word files from one outline (the PDF: test_pdf.py)."""

from io import BytesIO

import pytest
from docx import Document
from odf import teletype
from odf.opendocument import load
from odf.text import H, P

pytestmark = pytest.mark.django_db


def test_verordening_docx_opens_and_holds_every_article(client, kb):
    response = client.get(kb.verordening.url + "docx/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    document = Document(BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "Model leegstandverordening"
    assert "Artikel 1. Begripsbepalingen" in paragraphs and "Artikel 2. Meldplicht" in paragraphs
    assert "2. Binnen zes maanden." in paragraphs
    assert "Toelichting" in paragraphs and "Uitleg bij begrippen." in paragraphs


def test_verordening_page_lists_articles_and_links_download(client, kb):
    text = client.get(kb.verordening.url).content.decode()
    assert (
        "Artikel 2. Meldplicht" in text
        and 'href="/handreiking/leegstand-te-lijf/model-leegstandverordening/docx/"' in text
    )


def test_verordening_odt_opens_and_holds_the_same_text_as_the_docx(client, kb):
    response = client.get(kb.verordening.url + "odt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert 'filename="model-leegstandverordening.odt"' in response["Content-Disposition"]
    document = load(BytesIO(response.content))
    headings = [(int(h.getAttribute("outlinelevel")), teletype.extractText(h)) for h in document.getElementsByType(H)]
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(P)]

    assert (2, "Artikel 1. Begripsbepalingen") in headings and (1, "Toelichting") in headings
    assert paragraphs[0] == "Model leegstandverordening"
    docx_text = [p.text for p in Document(BytesIO(client.get(kb.verordening.url + "docx/").content)).paragraphs]
    odt_text = [text for text in (teletype.extractText(e) for e in document.text.childNodes) if text]
    assert odt_text == [text for text in docx_text if text]


def test_verordening_page_offers_both_open_and_word_formats(client, kb):
    text = client.get(kb.verordening.url).content.decode()
    assert 'href="/handreiking/leegstand-te-lijf/model-leegstandverordening/odt/"' in text
    assert "OpenDocument" in text
