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


def test_content_pages_reflow_at_320_px_and_a_wide_table_scrolls_in_its_own_region(
    kb, live_server_url, browser_context
):
    import json

    from kennisbank.models import HoofdstukPage

    chapter = HoofdstukPage.objects.get(pk=kb.chapters[0].pk)
    wide = [
        [f"Kolom {n} met een lange kop" for n in range(8)],
        [f"waarde {n} bij leegstandverordening" for n in range(8)],
    ]
    chapter.body = json.dumps(
        list(chapter.body.raw_data)
        + [{"type": "table", "value": {"data": wide, "first_row_is_table_header": True, "table_caption": "Breed"}}]
    )
    chapter.save()
    page = browser_context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    urls = [kb.handreiking.url, chapter.url, kb.verordening.url, kb.instruments_index.url, kb.loods.url]
    urls += [kb.voorbeelden_index.url, kb.utrecht.url, kb.publicaties_index.url, kb.brief.url, "/themas/erfgoed/"]
    for url in urls:
        page.goto(live_server_url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url

    page.goto(live_server_url + chapter.url)
    region = page.get_by_role("region", name="Tabel: Breed (scrollbaar)")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table really is wider
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
