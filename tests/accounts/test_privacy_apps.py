"""AVG export and deletion reach every app through the privacy protocol (accounts/privacy.py):
discussies, bijeenkomsten, notificaties and themagroepen each export what they hold about the
member and remove or anonymise it when the account is deleted."""

import pytest

from accounts import privacy
from tests.bijeenkomsten.conftest import make_bijeenkomst, make_member, only_occurrence
from tests.conftest import make_verified_user
from themagroepen.models import Membership, Role, Themagroep

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def groep(db):
    return Themagroep.objects.create(name="Leegstand en herbestemmen", slug="leegstand", description="x")


@pytest.fixture
def beheerder(groep):
    return make_member(groep, "beheerder@vng.example", role=Role.BEHEERDER)


@pytest.fixture
def eva(groep):
    return make_member(groep, "eva@utrecht.example")


def test_the_export_names_every_app():
    assert {label for label, _module in privacy.privacy_modules()} >= {
        "discussies",
        "bijeenkomsten",
        "notificaties",
        "themagroepen",
    }


def test_discussies_posts_attachments_edits_reports(groep, eva, beheerder):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from themagroepen.discussies import services
    from themagroepen.discussies.models import Reaction, Report, TopicFollow

    pdf = SimpleUploadedFile("notitie.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
    topic = services.create_topic(groep, eva, "Antikraak in Zeist", "Eerste versie", files=[pdf])
    services.edit_post(topic, eva, "Tweede versie")
    reply = services.create_reply(topic, beheerder, "Goed idee")
    services.create_reply(topic, eva, "Mijn reactie")
    services.toggle_useful(eva, topic, reply)
    services.report(eva, topic, reply, "Dit klopt niet")

    data = privacy.export_user_data(eva)["discussies"]
    assert [t["titel"] for t in data["onderwerpen"]] == ["Antikraak in Zeist"]
    assert [r["tekst"] for r in data["reacties"]] == ["Mijn reactie"]
    assert [a["bestandsnaam"] for a in data["bijlagen"]] == ["notitie.pdf"]
    assert [e["tekst_voor_bewerking"] for e in data["bewerkingen"]] == ["Eerste versie"]
    assert [m["reden"] for m in data["meldingen_van_misbruik"]] == ["Dit klopt niet"]
    assert data["gevolgde_onderwerpen"] == ["Antikraak in Zeist"]

    privacy.delete_account(eva)
    # The thread stays whole; what only concerned Eva is gone or no longer points at her.
    assert topic.replies.count() == 2
    assert Report.objects.get().reporter is None
    assert not Reaction.objects.filter(user=eva).exists()
    assert not TopicFollow.objects.filter(user=eva).exists()


def test_bijeenkomsten_registrations_and_remarks(groep, eva, beheerder):
    from themagroepen.bijeenkomsten import services
    from themagroepen.bijeenkomsten.models import Registration, RegistrationStatus

    occurrence = only_occurrence(make_bijeenkomst(groep, capacity=1))
    services.register(eva, occurrence, remark="Ik eet vegetarisch")
    waiting = make_member(groep, "wacht@ede.example")
    services.register(waiting, occurrence)

    data = privacy.export_user_data(eva)["bijeenkomsten"]
    assert [(r["status"], r["opmerking"]) for r in data["aanmeldingen"]] == [("Ingeschreven", "Ik eet vegetarisch")]
    assert [m["soort"] for m in data["e_mails_over_aanmeldingen"]] == ["aangemeld"]

    privacy.delete_account(eva)
    assert not Registration.objects.filter(user=eva).exists()
    # Her place went to the first person waiting.
    assert Registration.objects.get(user=waiting).status == RegistrationStatus.CONFIRMED


def test_notificaties_list_and_preference(groep, eva, beheerder):
    from themagroepen.notificaties.models import EmailPreference, Frequency, Notification
    from themagroepen.notificaties.services import notify, set_frequency

    other = Themagroep.objects.create(name="Winkels", slug="winkels", description="x")
    left = Membership.objects.create(themagroep=other, user=eva)
    set_frequency(eva, Frequency.DIGEST)
    notify([eva], kind="reply", title="Nieuwe reactie op ‘Antikraak’", url="/x/", themagroep=groep)
    notify([eva], kind="reply", title="Geheim onderwerp elders", url="/y/", themagroep=other)
    left.delete()
    eva = type(eva).objects.get(pk=eva.pk)  # as in the next request: keys without "Winkels"

    data = privacy.export_user_data(eva)["notificaties"]
    assert data["e_mailvoorkeur"] == "Dagelijkse samenvatting"
    # The one she may no longer read (she left "Winkels") is listed without its title.
    assert sorted(n["titel"] or "" for n in data["meldingen"]) == ["", "Nieuwe reactie op ‘Antikraak’"]

    privacy.delete_account(eva)
    assert not Notification.objects.filter(recipient=eva).exists()
    assert not EmailPreference.objects.filter(user=eva).exists()


def test_themagroepen_join_motivations_and_invitations(beheerder):
    from themagroepen import services
    from themagroepen.models import Invitation, JoinRequest

    groep = Themagroep.objects.get(slug="leegstand")
    other = Themagroep.objects.create(name="Winkels", slug="winkels", description="x")
    Membership.objects.create(themagroep=other, user=beheerder, role=Role.BEHEERDER)
    sam = make_verified_user("sam@zeist.example")
    services.request_to_join(groep, sam, "Ik werk aan leegstand in Zeist.")
    services.invite(other, "sam@zeist.example", by=beheerder)

    data = privacy.export_user_data(sam)["themagroepen"]
    assert [r["motivatie"] for r in data["lidmaatschapsverzoeken"]] == ["Ik werk aan leegstand in Zeist."]
    assert [i["themagroep"] for i in data["uitnodigingen_ontvangen"]] == ["Winkels"]
    sent = privacy.export_user_data(beheerder)["themagroepen"]["uitnodigingen_verstuurd"]
    assert [i["themagroep"] for i in sent] == ["Winkels"]

    privacy.delete_account(sam)
    assert not JoinRequest.objects.exists()
    assert not Invitation.objects.filter(email="sam@zeist.example").exists()
