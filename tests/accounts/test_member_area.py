"""Member areas need a verified address; the member's own page shows profile, groups and requests."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from accounts import services
from accounts.decorators import VerifiedRequiredMixin, verified_required
from accounts.models import Organisation
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db


@verified_required
def member_view(request):
    return HttpResponse("leden")


class MemberView(VerifiedRequiredMixin, View):
    def get(self, request):
        return HttpResponse("leden")


def unverified_user():
    user = get_user_model().objects.create_user(
        username="nog-niet", email="nog-niet@utrecht.nl", password="Sterk-wachtwoord-2026"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


@pytest.mark.parametrize("view", [member_view, MemberView.as_view()])
def test_decorator_and_mixin_admit_only_verified_members(view, rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/leden/")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302 and response["Location"].startswith("/account/login/?next=/leden/")

    request.user = unverified_user()
    response = view(request)
    assert response.status_code == 302 and response["Location"] == "/account/verificatie-vereist/"

    request.user = make_verified_user("lid@utrecht.nl")
    assert view(request).content == b"leden"


def test_unverified_account_is_refused_member_areas_and_told_why(client):
    user = unverified_user()
    client.force_login(user)
    for path in ["/account/profiel/", "/account/mijn-gegevens/"]:
        response = client.get(path)
        assert response["Location"] == "/account/verificatie-vereist/"
    page = client.get("/account/verificatie-vereist/")
    assert "Bevestig eerst uw e-mailadres" in page.content.decode()
    from django.core import mail

    client.post("/account/verificatie-vereist/")
    assert mail.outbox[-1].to == ["nog-niet@utrecht.nl"]
    assert "/account/confirm-email/" in mail.outbox[-1].body


def test_member_page_lists_groups_and_pending_requests(client):
    from themagroepen.models import JoinRequest, Membership, Role, Themagroep

    user = make_verified_user("groepen@utrecht.nl")
    mine = Themagroep.objects.create(name="Winkelleegstand", slug="winkelleegstand", description="x")
    asked = Themagroep.objects.create(name="Erfgoed herbestemmen", slug="erfgoed", description="x")
    Membership.objects.create(themagroep=mine, user=user, role=Role.BEHEERDER)
    JoinRequest.objects.create(themagroep=asked, user=user, motivation="Graag")
    client.force_login(user)
    html = client.get("/account/profiel/").content.decode()
    groups = html[html.index("Mijn themagroepen") : html.index("Openstaande verzoeken")]
    requests = html[html.index("Openstaande verzoeken") : html.index("Beveiliging")]
    assert "Winkelleegstand" in groups and "Beheerder" in groups and "Erfgoed" not in groups
    assert "Erfgoed herbestemmen" in requests


def test_profile_can_be_edited_and_the_name_is_used_everywhere(client):
    user = make_verified_user("bewerk@utrecht.nl")
    client.force_login(user)
    vng = Organisation.objects.get(name="VNG")
    response = client.post(
        "/account/profiel/bewerken/",
        {"name": "Anna Smit", "handle": "anna", "functie": "Projectleider", "organisation": str(vng.pk)},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.profile.name, user.profile.functie, user.profile.organisation) == ("Anna Smit", "Projectleider", vng)
    assert user.get_full_name() == "Anna Smit"
    assert services.display_name(user) == "Anna Smit"
    assert user.profile.handle == "anna"  # what others type after @
    # The name is required.
    assert client.post("/account/profiel/bewerken/", {"name": "", "organisation": ""}).status_code == 200


def test_moderators_can_see_whether_the_address_matches_the_organisation():
    utrecht = Organisation.objects.get(name="Gemeente Utrecht")
    matching = make_verified_user("a.devries@utrecht.nl")
    matching.profile.organisation = utrecht
    matching.profile.save()
    elsewhere = make_verified_user("a.devries@gmail.example")
    elsewhere.profile.organisation = utrecht
    elsewhere.profile.save()
    no_organisation = make_verified_user("b@utrecht.nl")
    assert services.email_matches_organisation(matching) is True
    assert services.email_matches_organisation(elsewhere) is False
    assert services.email_matches_organisation(no_organisation) is False
