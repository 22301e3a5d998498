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
