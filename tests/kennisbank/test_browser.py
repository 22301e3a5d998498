"""In Chromium: the kennisbank pages pass axe-core, and a visitor can work through the handreiking."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kennisbank_pages_have_no_accessibility_violations(kb, live_server_url, page, assert_accessible):
    for url in [
        kb.handreiking.url,
        kb.chapters[0].url,
        kb.instruments_index.url,
        kb.voorbeelden_index.url,
        kb.leeuwarden.url,
    ]:
        page.goto(live_server_url + url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)


def test_visitor_reads_ticks_a_checklist_moves_on_and_downloads_the_pdf(kb, live_server_url, page):
    page.goto(live_server_url + kb.handreiking.url)
    contents = page.get_by_role("navigation", name="Inhoudsopgave")
    contents.get_by_role("link", name="Rol van de gemeente").click()
    page.wait_for_url("**/hoofdstuk-2/")
    assert page.locator("h1").inner_text() == "Rol van de gemeente"

    item = page.get_by_label("Punt twee")
    assert not item.is_checked()
    item.check()
    page.reload()
    assert page.get_by_label("Punt twee").is_checked()  # remembered in this browser
    assert not page.get_by_label("Punt één").is_checked()

    page.get_by_role("link", name="Volgend hoofdstuk").click()
    page.wait_for_url("**/hoofdstuk-4/")  # the unpublished chapter 3 is skipped
    assert page.locator("h1").inner_text() == "Instrumenten kiezen"
    assert not page.get_by_label("Punt twee").is_checked()  # each checklist keeps its own state

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hele handreiking als pdf").click()
    download = download_info.value
    assert download.suggested_filename == "leegstand-te-lijf.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_chapter_prints_on_a4_without_navigation_from_its_print_button(kb, live_server_url, page):
    from io import BytesIO

    from pypdf import PdfReader

    page.goto(live_server_url + kb.chapters[0].url)
    button = page.get_by_role("button", name="Dit hoofdstuk afdrukken")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed === true")

    printed = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = (float(value) for value in printed.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points, from print.css @page
    text = "\n".join(sheet.extract_text() for sheet in printed.pages)
    assert "Waarom aanpakken" in text and "Eerste stap" in text
    assert "Inhoudsopgave" not in text and "Dit hoofdstuk afdrukken" not in text and "Hoofdmenu" not in text
