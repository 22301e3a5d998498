"""Every form shows an error summary with links to the fields, whose errors are tied to them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.bijeenkomsten.conftest import make_bijeenkomst, only_occurrence
from tests.conftest import make_verified_user
from tests.forms.helpers import assert_errors_linked
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.services import create_topic
from themagroepen.models import Membership, Role, Themagroep, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def groep(db):
    return Themagroep.objects.create(
        name="Leegstand en herbestemmen", slug="leegstand", description="Panden.", visibility=Visibility.BESLOTEN
    )


@pytest.fixture
def beheerder(groep):
    user = make_verified_user("beheerder@gemeente.example", first_name="Mona")
    Membership.objects.create(themagroep=groep, user=user, role=Role.BEHEERDER)
    winkels = Themagroep.objects.create(name="Winkelgebieden", slug="winkels", description="Binnensteden.")
    Membership.objects.create(themagroep=winkels, user=user, role=Role.BEHEERDER)  # a group to move to
    return user


def post(user, url, data):
    response = client_for(user).post(url, data)
    assert response.status_code in (200, 400), response.status_code  # 400: the form is shown again
    return response.content.decode()


def test_discussion_forms(groep, beheerder):
    topic = create_topic(groep, beheerder, "Tijdelijke verhuur", "Wie heeft ervaring?")
    base = f"/themagroepen/{groep.slug}/discussies/"
    assert_errors_linked(post(beheerder, base + "nieuw/", {"title": "", "body": ""}), {"id_title", "id_body"})
    assert_errors_linked(post(beheerder, f"{base}{topic.pk}/reageren/", {"body": ""}), {"id_body"})
    assert_errors_linked(post(beheerder, f"{base}{topic.pk}/melden/", {"reason": ""}), {"id_reason"})
    assert_errors_linked(post(beheerder, f"{base}{topic.pk}/verplaatsen/", {"target": "999"}), {"id_target"})


def test_bijeenkomst_forms(groep, beheerder):
    occurrence = only_occurrence(make_bijeenkomst(groep, start=timezone.now() + timedelta(days=5)))
    keys = {"slug": groep.slug, "pk": occurrence.pk}
    new = post(beheerder, reverse("bijeenkomsten:create", kwargs={"slug": groep.slug}), {"title": ""})
    assert_errors_linked(new, {"id_title", "id_start"})
    register = post(beheerder, reverse("bijeenkomsten:register", kwargs=keys), {"remark": "x" * 501})
    assert_errors_linked(register, {"id_remark"})
    verslag_url = reverse("bijeenkomsten:verslag", kwargs=keys)
    verslag = post(beheerder, verslag_url, {"verslag-verslag": "Goed", "verslag-discussion_url": "geen link"})
    assert_errors_linked(verslag, {"id_verslag-discussion_url"})
    assert_errors_linked(post(beheerder, verslag_url, {"bijlage-title": ""}), {"id_bijlage-title", "id_bijlage-file"})


def test_membership_and_account_forms(groep, beheerder):
    outsider = make_verified_user("buiten@gemeente.example")
    assert_errors_linked(
        post(outsider, reverse("themagroepen:join", args=[groep.slug]), {"motivation": ""}), {"id_motivation"}
    )
    assert_errors_linked(post(outsider, reverse("themagroepen:redeem_code"), {"code": ""}), {"id_code"})
    invite = post(beheerder, reverse("themagroepen:invite", args=[groep.slug]), {"addresses": ""})
    assert_errors_linked(invite, {"id_addresses"})
    assert_errors_linked(post(outsider, reverse("accounts:profile_edit"), {"name": ""}), {"id_name"})
    preferences = post(outsider, reverse("notificaties:preferences"), {"frequency": "elk-uur"})
    assert_errors_linked(preferences, {"id_frequency_0"})
