"""In Chromium: the section "Vergelijkbare voorbeelden" passes axe-core on a voorbeeld (with the
personal ordering of a signed-in official) and on a chapter, and its links lead to the cases."""

import pytest

from tests.search.test_similar import ALMELO, AMERSFOORT, TWIN, _chapter, _official, _voorbeeld, cases  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indexed(cases, home_page, database_search):  # noqa: F811
    from search import indexing

    _voorbeeld(cases["index"], "almelo", "Kantoor in Almelo wordt woningen", "GM0141", "kantoor", **ALMELO)
    chapter = _chapter(home_page, cases)
    indexing.rebuild_embedded()
    return cases, chapter


def test_similar_voorbeelden_are_accessible_for_visitors_and_officials(
    indexed, live_server_url, page, browser_context, client, assert_accessible
):
    voorbeelden, chapter = indexed
    page.goto(live_server_url + voorbeelden[AMERSFOORT].url)
    section = page.get_by_role("region", name="Vergelijkbare voorbeelden")
    assert section.get_by_role("listitem").count() == 4 and TWIN in section.inner_text()
    assert_accessible(page)
    page.goto(live_server_url + chapter.url)
    assert page.get_by_role("region", name="Vergelijkbare voorbeelden").get_by_role("listitem").count() >= 1
    assert_accessible(page)

    client.force_login(_official("GM0164", "ambtenaar@hengelo.example"))
    browser_context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}]
    )
    page.goto(live_server_url + voorbeelden[AMERSFOORT].url)
    section = page.get_by_role("region", name="Vergelijkbare voorbeelden")
    assert TWIN not in section.inner_text()  # first for the visitor, after the gemeenten like Hengelo here
    assert "Gemeenten zoals de uwe staan bovenaan" in section.inner_text()
    first = section.get_by_role("listitem").first
    assert "zelfde grootteklasse en zelfde provincie" in first.inner_text()
    assert_accessible(page)
    first.get_by_role("link").click()
    page.wait_for_url("**/almelo/")
    assert page.locator("h1").inner_text() == "Kantoor in Almelo wordt woningen"
