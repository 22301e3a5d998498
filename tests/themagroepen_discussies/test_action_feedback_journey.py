"""Keyboard: after following a topic the confirmation is inside main, announced, and has focus."""

import pytest

from tests.themagroepen_discussies.test_form_errors_journey import tab_to
from tests.themagroepen_discussies.test_live_journey import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_following_by_keyboard_announces_the_result_inside_main(
    groep, lid, lid2, topic, chromium, live_server_url, assert_accessible
):
    context, page = signed_in_page(chromium, live_server_url, lid2)
    try:
        page.goto(live_server_url + topic.get_absolute_url())
        follow = page.get_by_role("button", name="Volgen", exact=True)
        # A secondary action looks secondary: white with a coloured border, not a filled button.
        assert follow.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 255, 255)"
        tab_to(page, "Volgen")
        page.keyboard.press("Enter")
        page.wait_for_load_state()

        status = page.locator("main [data-messages][role=status]")
        assert status.inner_text().strip() == "U volgt dit onderwerp."
        assert page.evaluate("() => document.activeElement.hasAttribute('data-messages')")
        assert page.locator("main").evaluate("m => m.contains(document.activeElement)")
        assert page.get_by_role("button", name="Niet meer volgen").is_visible()
        assert_accessible(page)
    finally:
        context.close()


def test_marking_all_read_by_keyboard_announces_it_and_the_button_looks_secondary(
    groep, lid, lid2, topic, chromium, live_server_url, assert_accessible
):
    context, page = signed_in_page(chromium, live_server_url, lid2)
    try:
        page.goto(live_server_url + f"/themagroepen/{groep.slug}/discussies/")
        assert page.locator(".topic-list__item--unread").count() == 1
        style = "b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color]; }"
        primary = page.get_by_role("link", name="Nieuw onderwerp").evaluate(style)
        secondary = page.get_by_role("button", name="Alles als gelezen markeren").evaluate(style)
        assert primary[0] != secondary[0] and primary[1] != secondary[1]
        tab_to(page, "Alles als gelezen markeren")
        page.keyboard.press("Enter")
        page.wait_for_load_state()

        status = page.locator("main [data-messages][role=status]")
        assert status.inner_text().strip() == "Alle onderwerpen in deze groep zijn als gelezen gemarkeerd."
        assert page.evaluate("() => document.activeElement.hasAttribute('data-messages')")
        assert page.locator(".topic-list__item--unread").count() == 0
        assert page.get_by_role("button", name="Alles als gelezen markeren").count() == 0
        assert_accessible(page)
    finally:
        context.close()
