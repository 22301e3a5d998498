"""The model verordening as an editable Word file (the PDF: test_pdf.py)."""

from io import BytesIO

import pytest
from docx import Document

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
