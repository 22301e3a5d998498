"""Keyboard: typing @ offers members to mention; the one chosen hears of it in their own browser."""

import pytest

from tests.themagroepen_discussies.test_live_journey import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_at_offers_members_and_the_mentioned_member_is_notified(
    groep, lid, lid2, topic, chromium, live_server_url, assert_accessible
):
    anne_context, anne = signed_in_page(chromium, live_server_url, lid)
    bram_context, bram = signed_in_page(chromium, live_server_url, lid2)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        box = anne.get_by_label("Uw reactie")
        box.focus()
        anne.keyboard.type("Wat vindt @br")
        option = anne.get_by_role("option", name="Bram Visser (@bram-visser)")
        option.wait_for()
        assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
        assert "1 lid gevonden" in anne.locator("[role=status]").last.inner_text()
        assert_accessible(anne)
        anne.keyboard.press("Enter")  # chooses the highlighted member, does not submit
        anne.keyboard.type("ervan?")
        assert box.input_value() == "Wat vindt @bram-visser ervan?"
        assert anne.evaluate("() => document.activeElement.id") == "id_body"
        anne.get_by_role("button", name="Reactie plaatsen").click()
        anne.wait_for_url("**#reactie-*")

        bram.goto(live_server_url + "/meldingen/")
        assert "Anne Jansen noemde u" in bram.locator("main").inner_text()
        assert_accessible(bram)
    finally:
        anne_context.close()
        bram_context.close()
