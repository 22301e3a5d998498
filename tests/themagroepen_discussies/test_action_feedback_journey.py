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
