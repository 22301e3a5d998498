"""Every moderator and beheerder action leaves one entry in Wagtail's log, which the site admin
reads and filters in the CMS (Rapporten → Sitegeschiedenis)."""

import pytest
from wagtail.models import ModelLogEntry

from tests.conftest import make_verified_user
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.models import Report
from themagroepen.discussies.services import create_reply
from themagroepen.models import JoinRequest, Membership, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(db):
    return make_verified_user("admin@kennisplatform.example", is_superuser=True, is_staff=True)


def entries():
    return list(ModelLogEntry.objects.order_by("pk").values_list("action", "user__email", "label"))


def discussies(groep):
    return f"/themagroepen/{groep.slug}/discussies"


@pytest.mark.parametrize(
    ("actie", "action", "label"),
    [
        ("verbergen", "themagroepen.onderwerp.verbergen", "Onderwerp verborgen"),
        ("sluiten", "themagroepen.onderwerp.sluiten", "Onderwerp gesloten"),
        ("vastzetten", "themagroepen.onderwerp.vastzetten", "Onderwerp vastgezet"),
    ],
)
def test_topic_moderation_is_logged(groep, beheerder, topic, site_admin, actie, action, label):
    client_for(beheerder).post(f"{discussies(groep)}/{topic.pk}/moderatie/", {"actie": actie})
    assert entries() == [(action, beheerder.email, topic.title)]

    page = client_for(site_admin).get("/cms/reports/site-history/", {"action": action}).content.decode()
    assert label in page and topic.title in page and groep.name in page


def test_hiding_a_reply_moving_a_topic_and_resolving_a_report_are_logged(groep, andere_groep, beheerder, lid, topic):
    Membership.objects.create(themagroep=andere_groep, user=beheerder, role=Role.BEHEERDER)
    reply = create_reply(topic, lid, "Een reactie", announce=False)
    report = Report.objects.create(topic=topic, reply=reply, reporter=lid, reason="Off-topic")
    moderator = client_for(beheerder)

    moderator.post(f"{discussies(groep)}/reacties/{reply.pk}/moderatie/", {"actie": "verbergen"})
    moderator.post(
        f"{discussies(groep)}/meldingen/{report.pk}/afhandelen/",
        {f"melding-{report.pk}-outcome": "afwijzen", f"melding-{report.pk}-reason": "Past in de groep."},
    )
    moderator.post(f"{discussies(groep)}/{topic.pk}/verplaatsen/", {"target": andere_groep.pk})

    assert [action for action, _user, _label in entries()] == [
        "themagroepen.reactie.verbergen",
        "themagroepen.melding.afhandelen",
        "themagroepen.onderwerp.verplaatsen",
    ]
    decision = ModelLogEntry.objects.get(action="themagroepen.melding.afhandelen")
    assert decision.data["detail"] == "Geen maatregel: Past in de groep."
    move = ModelLogEntry.objects.get(action="themagroepen.onderwerp.verplaatsen")
    assert move.data["themagroep"] == groep.name and move.data["detail"] == f"naar {andere_groep.name}"


def test_membership_decisions_are_logged_and_filterable_by_the_site_admin(groep, beheerder, lid, lid2, site_admin):
    aanvrager = make_verified_user("aanvrager@gemeente.example")
    afgewezen = make_verified_user("afgewezen@gemeente.example")
    toelaten = JoinRequest.objects.create(themagroep=groep, user=aanvrager, motivation="Ik werk aan leegstand.")
    afwijzen = JoinRequest.objects.create(themagroep=groep, user=afgewezen, motivation="Zomaar.")
    moderator = client_for(beheerder)
    base = f"/themagroepen/{groep.slug}"

    moderator.post(f"{base}/verzoeken/{toelaten.pk}/", {"decision": "accept"})
    moderator.post(f"{base}/verzoeken/{afwijzen.pk}/", {"decision": "reject"})
    moderator.post(f"{base}/leden/{Membership.objects.get(user=lid).pk}/rol/", {"role": Role.BEHEERDER})
    moderator.post(f"{base}/leden/{Membership.objects.get(user=lid2).pk}/verwijderen/")

    assert [(action, user) for action, user, _label in entries()] == [
        ("themagroepen.verzoek.toelaten", beheerder.email),
        ("themagroepen.verzoek.afwijzen", beheerder.email),
        ("themagroepen.lid.rol", beheerder.email),
        ("themagroepen.lid.verwijderen", beheerder.email),
    ]
    admin = client_for(site_admin)
    history = admin.get("/cms/reports/site-history/", {"action": "themagroepen.lid.verwijderen"}).content.decode()
    assert f"Lid uit themagroep verwijderd in {groep.name}" in history and lid2.get_full_name() in history
    assert (
        f"Lidmaatschapsverzoek toegelaten in {groep.name}" not in history
    )  # filtered out (the label stays in the filter)
    everything = admin.get("/cms/reports/site-history/").content.decode()
    assert "Rol van lid gewijzigd in Leegstand en herbestemmen (nu beheerder)" in everything


def test_a_refused_action_leaves_no_entry(groep, beheerder, lid):
    # The last beheerder cannot be demoted: nothing happened, so nothing is logged.
    client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/leden/{Membership.objects.get(user=beheerder).pk}/rol/", {"role": Role.LID}
    )
    assert entries() == []
