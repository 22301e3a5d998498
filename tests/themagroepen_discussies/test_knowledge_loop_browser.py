# ruff: noqa: F811  (reference_data is a fixture imported from tests/kennisbank/conftest.py)
"""The knowledge loop in Chromium, two people: the beheerder proposes a solved topic as a
veelgestelde vraag and links it to a chapter, the author opens the request from the notification
and consents; the draft waits for the redactie, the chapter lists the topic for the author. axe
on every new page."""

import pytest

from kennisbank.models import HandreikingPage, HoofdstukPage
from kennisplatform.models import InformatiePage
from tests.kennisbank.conftest import reference_data  # noqa: F401  (the review workflow)
from tests.themagroepen_discussies.test_live_journey import signed_in_page
from themagroepen.discussies import services
from themagroepen.discussies.models import KennisbankProposal, ProposalStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_beheerder_proposes_and_the_author_consents(
    groep, lid, beheerder, reference_data, home_page, chromium, live_server_url, assert_accessible
):
    handreiking = HandreikingPage(title="Leegstand te lijf", slug="leegstand-te-lijf")
    home_page.add_child(instance=handreiking)
    chapter = HoofdstukPage(title="Tijdelijk gebruik", slug="tijdelijk-gebruik")
    handreiking.add_child(instance=chapter)
    topic = services.create_topic(groep, lid, "Hoe lang mag een pand leeg staan?", "Is er een termijn?")
    services.toggle_solution(services.create_reply(topic, lid, "Na zes maanden geldt de meldplicht."))

    context, page = signed_in_page(chromium, live_server_url, beheerder)
    try:
        page.goto(live_server_url + topic.get_absolute_url())
        page.get_by_role("link", name="Voorstellen voor de kennisbank").click()
        page.wait_for_selector("h1:has-text('Voorstellen voor de kennisbank')")
        assert_accessible(page)
        page.get_by_label("Veelgestelde vraag").check()
        page.get_by_role("button", name="Toestemming vragen").click()
        page.wait_for_load_state()
        assert "om toestemming gevraagd" in page.locator("main [data-messages]").inner_text()
        page.get_by_role("link", name="Kennisbankpagina's").click()
        page.get_by_label("Kennisbankpagina").select_option(label="Hoofdstuk: Tijdelijk gebruik")
        page.get_by_role("button", name="Koppelen").click()
        page.wait_for_load_state()
        assert page.get_by_role("button", name="Koppeling met Tijdelijk gebruik verwijderen").count() == 1
        assert_accessible(page)
    finally:
        context.close()

    context, page = signed_in_page(chromium, live_server_url, lid)
    try:
        page.goto(f"{live_server_url}/meldingen/")
        page.get_by_role("link", name="Mag “Hoe lang mag een pand leeg staan?” in de kennisbank?", exact=False).click()
        page.wait_for_selector("h1:has-text('Mag uw onderwerp in de kennisbank?')")
        assert "Na zes maanden geldt de meldplicht." in page.locator("main").inner_text()
        assert_accessible(page)
        page.get_by_role("button", name="Ja, ik geef toestemming").click()
        page.wait_for_load_state()
        assert "De redactie werkt uw onderwerp uit" in page.locator("main [data-messages]").inner_text()
        assert page.get_by_role("button", name="Ja, ik geef toestemming").count() == 0
        assert_accessible(page)
        page.goto(live_server_url + chapter.get_url())
        related = page.get_by_role("region", name="Besproken in de themagroep")
        assert related.get_by_role("link", name="Hoe lang mag een pand leeg staan?").count() == 1
        assert_accessible(page)
    finally:
        context.close()

    proposal = KennisbankProposal.objects.get(topic=topic)
    assert proposal.status == ProposalStatus.ACCEPTED
    draft = InformatiePage.objects.get(pk=proposal.page_id)
    assert not draft.live and draft.current_workflow_state.status == "in_progress"
