"""In the browser: type, pick a suggestion, filter by a facet, jump to the section; and axe."""

import re

import pytest

from tests.search.content import build_world
from tests.search.kennisbank_content import build_handreiking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(transactional_db, wagtail_tree, home_page, engine):
    chapter = build_handreiking(home_page)
    build_world()
    engine()
    return chapter


def test_search_journey_from_type_ahead_to_the_section(content, live_server_url, page, assert_accessible):
    page.goto(live_server_url + "/zoeken/")
    field = page.get_by_role("combobox", name="Waar zoekt u naar?")
    field.press_sequentially("leegstandv", delay=40)
    option = page.get_by_role("option", name=re.compile("De leegstandverordening"))
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant")
    with page.expect_navigation():
        option.click()
    assert field.input_value() == "De leegstandverordening"
    results = page.locator(".zoeken-hit")
    assert results.count() >= 2
    assert_accessible(page)  # results and facets

    page.get_by_role("group", name="Soort").get_by_label(re.compile("Handreiking")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filters toepassen").click()
    assert "type=handreiking" in page.url
    types = page.locator(".zoeken-hit .tag").all_inner_texts()
    assert types and set(types) == {"Handreiking"}

    with page.expect_navigation():
        page.get_by_role("link", name="Wat regelt de verordening?").click()
    assert page.url.endswith("/de-leegstandverordening/#wat-regelt-de-verordening")
    heading = page.locator("#wat-regelt-de-verordening")
    assert heading.inner_text() == "Wat regelt de verordening?"
    assert heading.is_visible()


def test_zero_results_page_is_accessible(content, live_server_url, page, assert_accessible):
    page.goto(live_server_url + "/zoeken/?q=xyzzyqwerty")
    assert "Geen resultaten" in page.locator("#resultaten-kop").inner_text()
    assert_accessible(page)


def test_search_page_without_query_is_accessible(content, live_server_url, page, assert_accessible):
    page.goto(live_server_url + "/zoeken/")
    assert_accessible(page)
