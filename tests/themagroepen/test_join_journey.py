"""Journey (a): a buitenstaander asks to join, the moderator accepts in another browser, the new
member finds the discussions and posts a topic. Group and notification pages pass axe-core."""

import re

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import make_verified_user
from tests.themagroepen.conftest import make_group
from themagroepen.models import Membership, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_page(chromium, live_server_url):
    """``signed_in_page(user)``: a page in its own browser context with a real session for ``user``
    (the login form has its own tests)."""
    contexts = []

    def open_page(user):
        client = Client()
        client.force_login(user)
        context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        context.set_default_timeout(10_000)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server_url}])
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_buitenstaander_joins_after_moderator_accepts_and_posts_a_topic(
    signed_in_page, live_server_url, assert_accessible
):
    groep = make_group("Leegstand en herbestemmen", introduction="Gemeenten delen hier hun **aanpak van leegstand**.")
    moderator = make_verified_user("moderator@gemeente-utrecht.example")
    Membership.objects.create(themagroep=groep, user=moderator, role=Role.BEHEERDER)
    buitenstaander = make_verified_user("buitenstaander@gemeente-ede.example")

    applicant = signed_in_page(buitenstaander)
    applicant.goto(live_server_url + "/themagroepen/")
    applicant.get_by_role("link", name="Leegstand en herbestemmen").click()
    assert applicant.locator("h1").inner_text() == "Leegstand en herbestemmen"
    assert "aanpak van leegstand" in applicant.locator("main").inner_text()
    assert applicant.get_by_role("heading", name="Discussies").count() == 0
    assert_accessible(applicant)

    applicant.get_by_role("link", name="Lidmaatschap aanvragen").click()
    applicant.get_by_label("Waarom wilt u lid worden?").fill(
        "Ik ben kantorenloods in Ede en werk aan een leegstandverordening."
    )
    applicant.get_by_role("button", name="Verzoek versturen").click()
    assert "Uw verzoek is verstuurd" in applicant.locator(".messages").inner_text()
    assert "in behandeling" in applicant.locator(".membership-panel").inner_text()

    reviewer = signed_in_page(moderator)
    reviewer.goto(live_server_url + groep.get_absolute_url())
    reviewer.get_by_role("link", name=re.compile(r"Lidmaatschapsverzoeken \(1 open\)")).click()
    assert "werk aan een leegstandverordening" in reviewer.locator("main").inner_text()
    assert_accessible(reviewer)
    reviewer.get_by_label(re.compile("Bericht aan")).fill("Welkom in de groep!")
    reviewer.get_by_role("button", name=re.compile("^Toelaten")).click()
    assert "is toegelaten" in reviewer.locator(".messages").inner_text()

    applicant.goto(live_server_url + "/meldingen/")
    notification = applicant.get_by_role("link", name="U bent toegelaten tot de themagroep Leegstand en herbestemmen")
    assert notification.is_visible()
    assert_accessible(applicant)
    notification.click()
    applicant.wait_for_url("**" + groep.get_absolute_url())
    assert applicant.get_by_role("heading", name=re.compile("^Discussies")).is_visible()
    assert "U bent lid van deze themagroep" in applicant.locator(".membership-panel").inner_text()
    assert_accessible(applicant)

    applicant.get_by_role("link", name="Nieuw onderwerp").click()
    applicant.get_by_label("Titel").fill("Ervaringen met de leegstandverordening")
    applicant.get_by_label("Bericht", exact=True).fill("Wie heeft de **modelverordening** al toegepast?")
    applicant.get_by_role("button", name="Onderwerp plaatsen").click()
    assert applicant.locator("h1").inner_text() == "Ervaringen met de leegstandverordening"
    assert "modelverordening" in applicant.locator("main").inner_text()
