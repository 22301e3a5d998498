"""AVG: a member downloads everything about them, and deleting the account keeps threads whole."""

import json
import types

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts import privacy, services
from accounts.models import Organisation
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

# A stand-in for another app's privacy module, found through the same registry.
standin_calls = []
standin = types.SimpleNamespace(
    export_user_data=lambda user: {"voorkeuren": {"samenvatting": "dagelijks"}, "user_id": user.pk},
    anonymise_user=lambda user: standin_calls.append(user.pk),
)


@pytest.fixture
def with_standin(monkeypatch):
    discovered = privacy.privacy_modules()
    monkeypatch.setattr(privacy, "privacy_modules", lambda: [*discovered, ("standin", standin)])
    standin_calls.clear()


@pytest.fixture
def member():
    from themagroepen.models import Membership, Themagroep

    user = make_verified_user("export@utrecht.nl")
    profile = user.profile
    profile.name, profile.functie = "Eva Jansen", "Beleidsmedewerker wonen"
    profile.organisation = Organisation.objects.get(name="Gemeente Utrecht")
    profile.save()
    groep = Themagroep.objects.create(name="Kantoortransformatie", slug="kantoren", description="x")
    Membership.objects.create(themagroep=groep, user=user)
    return user


def test_export_contains_profile_addresses_memberships_and_other_apps(client, member, with_standin):
    client.force_login(member)
    assert client.get("/account/mijn-gegevens/").status_code == 200
    response = client.post("/account/mijn-gegevens/")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    account = data["account"]
    assert account["e_mail"] == "export@utrecht.nl"
    assert account["profiel"] == {
        "naam": "Eva Jansen",
        "functie": "Beleidsmedewerker wonen",
        "gebruikersnaam_voor_vermeldingen": "eva-jansen",
        "organisatie": "Gemeente Utrecht",
        "soort_organisatie": "Gemeente",
    }
    assert account["e_mailadressen"] == [{"adres": "export@utrecht.nl", "geverifieerd": True, "primair": True}]
    assert [m["themagroep"] for m in account["lidmaatschappen"]] == ["Kantoortransformatie"]
    assert data["standin"] == {"voorkeuren": {"samenvatting": "dagelijks"}, "user_id": member.pk}
    # Nobody else's data.
    other = make_verified_user("ander@utrecht.nl")
    assert "ander@utrecht.nl" not in response.content.decode()
    assert other.pk != member.pk


def test_deleting_the_account_keeps_posts_as_verwijderd_lid(client, member, with_standin):
    from themagroepen.discussies.models import Reply, Topic
    from themagroepen.models import Membership, Themagroep

    groep = Themagroep.objects.get(slug="kantoren")
    colleague = make_verified_user("collega@utrecht.nl")
    topic = Topic.objects.create(
        themagroep=groep,
        author=member,
        title="Leegstandsverordening",
        slug="verordening",
        body="Wie heeft er ervaring mee?",
        html="<p>Wie heeft er ervaring mee?</p>",
    )
    reply = Reply.objects.create(topic=topic, author=colleague, body="Wij!", html="<p>Wij!</p>")

    client.force_login(member)
    page = client.get("/account/verwijderen/")
    assert "Verwijderd lid" in page.content.decode()
    assert client.post("/account/verwijderen/", {"password": "fout", "confirm": "on"}).status_code == 200
    response = client.post("/account/verwijderen/", {"password": "Sterk-wachtwoord-2026", "confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    member.refresh_from_db()
    assert standin_calls == [member.pk]  # other apps were asked to remove their data
    assert not member.is_active and not member.has_usable_password()
    assert member.email == "" and "export" not in member.username
    assert member.profile.name == "" and member.profile.organisation is None and member.profile.deleted_at
    assert not EmailAddress.objects.filter(user=member).exists()
    assert not Membership.objects.filter(user=member).exists()

    # The thread is intact and the author shows as "Verwijderd lid".
    topic.refresh_from_db()
    assert topic.author_id == member.pk and Reply.objects.filter(pk=reply.pk).exists()
    assert services.display_name(topic.author) == services.deleted_member_display_name == "Verwijderd lid"
    assert topic.author.get_full_name() == "Verwijderd lid"

    # The address is free again and the old password no longer signs in.
    assert (
        client.post("/account/login/", {"login": "export@utrecht.nl", "password": "Sterk-wachtwoord-2026"}).status_code
        == 200
    )
    assert get_user_model().objects.filter(email="export@utrecht.nl").count() == 0
