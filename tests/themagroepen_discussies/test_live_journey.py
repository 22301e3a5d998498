"""Journey (b): two members on one topic in two browsers; one replies, the other sees it live."""

import pytest

from tests.themagroepen_discussies.conftest import client_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(chromium, live_server_url, user):
    context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    session = client_for(user).cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server_url}])
    return context, context.new_page()


def test_a_reply_appears_live_for_the_other_member(
    groep, lid, lid2, topic, chromium, live_server_url, assert_accessible
):
    anne_context, anne = signed_in_page(chromium, live_server_url, lid)
    bram_context, bram = signed_in_page(chromium, live_server_url, lid2)
    try:
        bram.goto(live_server_url + topic.get_absolute_url())
        bram.wait_for_selector("[data-live=verbonden]")
        assert_accessible(bram)
        bram.evaluate("window.nietHerladen = true")

        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_label("Uw reactie").fill("Wij gebruiken een **leegstandsverordening** met meldplicht.")
        anne.get_by_role("button", name="Reactie plaatsen").click()
        anne.wait_for_url("**#reactie-*")

        reply = bram.locator("#reacties > li.posts__item")
        reply.first.wait_for()
        assert reply.count() == 1
        assert reply.first.locator(".post__author").inner_text() == "Anne Jansen"
        assert reply.first.locator(".post__body strong").inner_text() == "leegstandsverordening"
        assert bram.locator("#live-aankondiging").inner_text() == "Nieuwe reactie van Anne Jansen."
        assert bram.locator(".replies__count").inner_text() == "(1)"
        assert bram.evaluate("window.nietHerladen") is True  # no reload happened
        assert_accessible(bram)
    finally:
        anne_context.close()
        bram_context.close()


def test_the_topic_page_works_without_javascript(groep, lid, topic, chromium, live_server_url):
    context = chromium.new_context(locale="nl-NL", java_script_enabled=False)
    context.add_cookies(
        [{"name": "sessionid", "value": client_for(lid).cookies["sessionid"].value, "url": live_server_url}]
    )
    page = context.new_page()
    try:
        page.goto(live_server_url + topic.get_absolute_url())
        page.get_by_label("Uw reactie").fill("Zonder *JavaScript*")
        page.get_by_role("button", name="Voorbeeld").click()
        assert page.locator("#voorbeeld em").inner_text() == "JavaScript"
        page.get_by_role("button", name="Reactie plaatsen").click()
        assert page.locator("#reacties .post__body em").inner_text() == "JavaScript"
    finally:
        context.close()
