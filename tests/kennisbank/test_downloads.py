"""The handreiking as PDF and the model verordening as an editable Word file."""

from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def test_handreiking_pdf_is_a_valid_document_with_all_chapters(client, kb):
    response = client.get(kb.handreiking.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="leegstand-te-lijf.pdf"' in response["Content-Disposition"]
    reader = PdfReader(BytesIO(response.content))
    assert reader.metadata.title == "Leegstand te lijf"
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in [
        "Leegstand te lijf",
        "1. Waarom aanpakken",
        "2. Rol van de gemeente",
        "3. Instrumenten kiezen",
        "Eerste stap",
        "Checklist: Checklist 1",
        "Punt twee",
        "Kantorenloods",
        "Kop A",
    ]:
        assert expected in text, expected
    assert len(reader.pages) >= 4  # title page with contents, then one page per chapter


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
