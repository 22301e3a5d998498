"""A visitor lands on the home page, finds the main navigation and uses it by keyboard."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_dutch_accessible_and_keyboard_navigable(home_page, live_server_url, page, assert_accessible):
    page.goto(live_server_url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == home_page.title
    assert_accessible(page)

    # The first Tab stop is the skip link, and it moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    nav = page.get_by_role("navigation", name="Hoofdmenu")
    labels = [link.inner_text() for link in nav.get_by_role("link").all()]
    assert labels == ["Handreiking", "Voorbeelden", "Publicaties", "Themagroepen", "Zoeken"]

    nav.get_by_role("link", name="Themagroepen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/themagroepen/")
    assert page.locator("h1").inner_text() == "Themagroepen"
    assert nav.get_by_role("link", name="Themagroepen").get_attribute("aria-current") == "page"
    assert_accessible(page)
