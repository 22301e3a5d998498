"""Issue 17 point 1 in two browsers: a beheerder invites a pasted list, the invitee follows the
e-mailed link through sign-up into the group; resend and revoke from the beheerder's page."""

import re

import pytest
from django.core import mail

from tests.conftest import make_verified_user
from tests.themagroepen.conftest import make_group
from tests.themagroepen_discussies.test_live_journey import signed_in_page
from themagroepen.models import Membership, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Herbestemming-2026!"


def accept_link(address) -> str:
    message = [m for m in mail.outbox if m.to == [address]][-1]
    return re.search(r"https?://[^/\s]+(/themagroepen/uitnodiging/\S+/)", message.body).group(1)


@pytest.fixture
def groep_met_beheerder(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    groep = make_group("Leegstand en herbestemmen")
    beheerder = make_verified_user("beheerder@gemeente-utrecht.example", first_name="Mona", last_name="Smit")
    Membership.objects.create(themagroep=groep, user=beheerder, role=Role.BEHEERDER)
    lid = make_verified_user("lid@gemeente-zeist.example")
    Membership.objects.create(themagroep=groep, user=lid, role=Role.LID)
    return groep, beheerder, lid


def test_a_pasted_list_is_invited_and_the_newcomer_signs_up_into_the_group(
    groep_met_beheerder, chromium, live_server_url, assert_accessible
):
    groep, beheerder, lid = groep_met_beheerder
    context, admin = signed_in_page(chromium, live_server_url, beheerder)
    newcomer_context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    newcomer_context.set_default_timeout(10_000)
    newcomer = newcomer_context.new_page()
    try:
        admin.goto(live_server_url + groep.get_absolute_url())
        admin.get_by_role("link", name="Uitnodigen en inlogcodes").click()
        assert_accessible(admin)
        admin.get_by_label("E-mailadressen").fill(
            f"nieuwkomer@arnhem.example, {lid.email}\ngeen-adres; later@ede.example"
        )
        admin.get_by_role("button", name="Uitnodigingen versturen").click()
        rows = admin.locator("main [role=status] tbody tr")
        rows.first.wait_for()
        assert [row.locator("td").all_inner_texts() for row in rows.all()] == [
            ["nieuwkomer@arnhem.example", "uitgenodigd"],
            [lid.email, "al lid"],
            ["geen-adres", "geen geldig e-mailadres"],
            ["later@ede.example", "uitgenodigd"],
        ]
        assert_accessible(admin)

        newcomer.goto(live_server_url + accept_link("nieuwkomer@arnhem.example"))
        newcomer.wait_for_url("**/account/signup/**")
        email = newcomer.get_by_label("E-mail")
        assert email.input_value() == "nieuwkomer@arnhem.example"
        assert email.get_attribute("readonly") is not None
        assert_accessible(newcomer)
        newcomer.get_by_label("Naam").fill("Nina de Vries")
        newcomer.get_by_label("Wachtwoord", exact=False).first.fill(PASSWORD)
        newcomer.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
        newcomer.get_by_role("button", name="Registreren").click()
        # The link proved the mailbox, so no separate confirmation: straight back to the invitation.
        newcomer.get_by_role("button", name="Uitnodiging aannemen").wait_for()
        assert_accessible(newcomer)
        newcomer.get_by_role("button", name="Uitnodiging aannemen").click()
        newcomer.wait_for_url(live_server_url + groep.get_absolute_url())
        assert newcomer.locator("main [data-messages]").inner_text().strip() == f"Welkom in de themagroep {groep.name}."
        assert Membership.objects.filter(themagroep=groep, user__email="nieuwkomer@arnhem.example").exists()

        # Resend and revoke the invitation still open, from the same page.
        admin.goto(live_server_url + f"/themagroepen/{groep.slug}/uitnodigen/")
        pending = (
            admin.get_by_role("region", name="Uitnodigen per e-mail")
            .get_by_role("listitem")
            .filter(has_text="later@ede.example")
        )
        pending.get_by_role("button", name=re.compile(r"^Opnieuw versturen\W+later@ede\.example$")).click()
        assert "opnieuw verstuurd naar later@ede.example" in admin.locator("main [data-messages]").inner_text()
        assert len([m for m in mail.outbox if m.to == ["later@ede.example"]]) == 2
        pending.get_by_role("button", name=re.compile(r"^Intrekken\W+later@ede\.example$")).click()
        assert "later@ede.example is ingetrokken" in admin.locator("main [data-messages]").inner_text()
        assert pending.count() == 0

        newcomer_context.clear_cookies()
        response = newcomer.goto(live_server_url + accept_link("later@ede.example"))
        assert response.status == 404
        assert newcomer.locator("h1").inner_text() == "Deze uitnodiging is niet (meer) geldig"
        assert "ingetrokken" in newcomer.locator("main").inner_text()
        assert_accessible(newcomer)
    finally:
        context.close()
        newcomer_context.close()
