"""The handreiking PDF is accessible (PDF/UA-1) and shows only what the reader may read (issues 16.6, 12.4).

Rendered by WeasyPrint from the chapter block templates. Checked with pypdf: the structure tree
and its tags, /Lang, bookmarks per chapter, a linked table of contents with page numbers, and
embedded fonts.
"""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db


def _pdf(client, kb):
    response = client.get(kb.handreiking.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(BytesIO(response.content))


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _structure_tags(reader):
    """Every structure element type under /StructTreeRoot (H1, P, Table, L, LI, Link, ...)."""
    tags, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = _resolve(stack.pop())
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/S" in node:
            tags.append(str(node["/S"]).lstrip("/"))
        kids = node.get("/K")
        if kids is not None:
            stack.extend(kids if isinstance(kids, list) else [kids])
    return tags


def test_the_pdf_is_tagged_dutch_pdf_ua(client, kb):
    reader = _pdf(client, kb)
    root = reader.trailer["/Root"]

    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Leegstand te lijf"
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    tags = _structure_tags(reader)
    for tag in ("H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Link"):
        assert tag in tags, tag


def test_every_chapter_and_the_bijlage_is_a_bookmark(client, kb):
    reader = _pdf(client, kb)
    top_level = [item["/Title"] for item in reader.outline if not isinstance(item, list)]

    assert top_level == [
        "1. Waarom aanpakken",
        "2. Rol van de gemeente",
        "3. Instrumenten kiezen",
        "Bijlage: Model leegstandverordening",
    ]
    sections = reader.outline[1]
    assert [item["/Title"] for item in sections] == ["Eerste stap", "Tweede stap"]


def test_the_table_of_contents_links_each_chapter_with_its_page_number(client, kb):
    reader = _pdf(client, kb)
    toc_page = reader.pages[1]
    toc_text = toc_page.extract_text()
    bookmarks = {
        item["/Title"]: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }

    for title, page_number in bookmarks.items():
        assert re.search(rf"{re.escape(title)}[ .]*{page_number}\b", toc_text), (title, page_number, toc_text)
    links = [_resolve(annotation) for annotation in toc_page.get("/Annots", [])]
    internal = [link for link in links if link.get("/Subtype") == "/Link" and "/Dest" in link or "/A" in link]
    assert len(internal) >= len(bookmarks)


def test_all_fonts_are_embedded(client, kb):
    reader = _pdf(client, kb)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = _resolve(font)
            descriptor = (
                _resolve(font.get("/FontDescriptor")) or _resolve(font["/DescendantFonts"][0])["/FontDescriptor"]
            )
            descriptor = _resolve(descriptor)
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))

    assert fonts and all(fonts.values()), fonts


def test_the_pdf_holds_the_chapters_their_blocks_and_the_model_verordening(client, kb):
    text = _text(_pdf(client, kb))

    for expected in [
        "Leegstand te lijf",
        "1. Waarom aanpakken",
        "Eerste stap",
        "Checklist: Checklist 1",
        "Punt twee",
        "Kantorenloods",
        "Kop A",
        "Bijlage: Model leegstandverordening",
        "Artikel 2. Meldplicht",
        "Uitleg bij begrippen.",
    ]:
        assert expected in text, expected
    assert "Uw vinkjes worden alleen in deze browser bewaard" not in text


def test_the_pdf_never_names_what_the_reader_may_not_read(client, kb):
    anonymous = _text(_pdf(client, kb))
    client.force_login(make_verified_user("ambtenaar@utrecht.example"))
    signed_in = _text(_pdf(client, kb))

    assert "Geheim concept" not in anonymous and "Geheim concept" not in signed_in  # unpublished chapter
    assert "Besloten voorbeeld Apeldoorn" not in anonymous  # login-only voorbeeld referenced in chapter 2
    assert "Besloten voorbeeld Apeldoorn" in signed_in


def test_the_pdf_leaves_out_a_bijlage_the_reader_may_not_read(client, kb):
    from tests.kennisbank.conftest import restrict_to_login

    restrict_to_login(kb.verordening)

    text = _text(_pdf(client, kb))

    assert "Model leegstandverordening" not in text and "Meldplicht" not in text
