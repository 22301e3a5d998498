"""A beheerder works through the queue in Chromium: a decision without a reason is refused with
the error summary in focus, then the post is hidden with a reason and shows under handled."""

import pytest

from tests.themagroepen_discussies.test_live_journey import signed_in_page
from themagroepen.discussies import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_beheerder_hides_a_reported_reply_from_the_queue(
    groep, lid, lid2, beheerder, topic, chromium, live_server_url, assert_accessible
):
    reply = services.create_reply(topic, lid2, "Koop nu bij Leegstandshop BV!")
    services.report(lid, topic, reply, "Dit is reclame.")
    context, page = signed_in_page(chromium, live_server_url, beheerder)
    try:
        page.goto(f"{live_server_url}/themagroepen/{groep.slug}/discussies/meldingen/")
        report = page.locator(".report-list > li")
        assert report.count() == 1
        assert "Dit is reclame." in report.inner_text()
        assert_accessible(page)

        report.get_by_label("Reactie verbergen").check()
        report.get_by_role("button", name="Besluit opslaan").click()
        page.wait_for_selector("[data-error-summary]")
        assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
        assert "Geef een reden op" in page.locator("[data-error-summary]").inner_text()
        assert_accessible(page)

        page.locator("[data-error-summary] a").click()
        reason = page.get_by_label("Reden")
        assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
        reason.fill("Reclame hoort niet in deze groep.")
        page.get_by_label("Reactie verbergen").check()
        page.get_by_role("button", name="Besluit opslaan").click()
        page.wait_for_load_state()

        assert "De melding is afgehandeld: Bericht verborgen." in page.locator("main [data-messages]").inner_text()
        assert page.get_by_text("Er zijn geen open meldingen.").is_visible()
        row = page.get_by_role("table", name="Afgehandelde meldingen, meest recente eerst").locator("tbody tr")
        assert row.count() == 1
        text = row.inner_text()
        assert "Bericht verborgen" in text and "Reclame hoort niet in deze groep." in text
        assert "Mona de Beheerder" in text
        assert_accessible(page)
    finally:
        context.close()

    member_context, member_page = signed_in_page(chromium, live_server_url, lid)
    try:
        member_page.goto(live_server_url + topic.get_absolute_url())
        assert "Koop nu bij Leegstandshop" not in member_page.locator("main").inner_text()
    finally:
        member_context.close()
