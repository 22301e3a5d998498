"""Optional single sign-on through an organisation's OpenID Connect provider (stub over real HTTP)."""

import pytest
import requests
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.sso import openid_connect_providers
from tests.accounts.helpers import path_of
from tests.accounts.oidc_stub import StubOpenIDProvider

pytestmark = pytest.mark.django_db

PERSON = {"sub": "utrecht-4711", "email": "m.visser@utrecht.nl", "email_verified": True, "name": "Marieke Visser"}


@pytest.fixture
def provider(settings):
    with StubOpenIDProvider(client_id="kennisplatform", client_secret="geheim", person=PERSON) as stub:
        settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
            {
                "OIDC_PROVIDER_ID": "utrecht",
                "OIDC_PROVIDER_NAME": "Gemeente Utrecht",
                "OIDC_SERVER_URL": stub.url,
                "OIDC_CLIENT_ID": "kennisplatform",
                "OIDC_CLIENT_SECRET": "geheim",
            }
        )
        yield stub


def sign_in_via_provider(client):
    response = client.post("/account/oidc/utrecht/login/")
    assert response.status_code == 302
    authorize_url = response["Location"]
    at_provider = requests.get(authorize_url, allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302
    return client.get(path_of(at_provider.headers["Location"]))


def test_sso_is_off_without_configuration(client):
    assert openid_connect_providers({}) == {}
    assert openid_connect_providers({"OIDC_SERVER_URL": "https://idp.example"}) == {}
    assert "Inloggen met" not in client.get("/account/login/").content.decode()


def test_official_signs_in_with_the_organisation_identity_provider(client, provider):
    login_page = client.get("/account/login/").content.decode()
    assert "Inloggen met Gemeente Utrecht" in login_page

    response = sign_in_via_provider(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="m.visser@utrecht.nl")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified  # the provider vouched for the address
    assert user.profile.name == "Marieke Visser"
    assert user.profile.organisation.name == "Gemeente Utrecht"
    assert not user.has_usable_password()
    # allauth exchanged the code at our stub with the client secret and a PKCE verifier.
    assert provider.token_requests[-1]["code_verifier"]
    assert client.get("/account/profiel/").status_code == 200

    # Signing in again finds the same account.
    client.post("/account/logout/")
    sign_in_via_provider(client)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert get_user_model().objects.filter(email="m.visser@utrecht.nl").count() == 1


def test_a_wrong_client_secret_signs_nobody_in(client, provider, settings):
    settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["secret"] = "fout"
    response = sign_in_via_provider(client)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 401  # allauth's error page, in our own layout
    assert 'class="site-header"' in response.content.decode()
    assert "<h1>Inloggen mislukt</h1>" in response.content.decode()
    assert "aanmeld" not in response.content.decode().lower()  # "aanmelden" is for bijeenkomsten here
    assert not get_user_model().objects.filter(email="m.visser@utrecht.nl").exists()


def test_the_pages_around_the_provider_say_inloggen(client, provider):
    from django.urls import reverse

    confirm = client.get("/account/oidc/utrecht/login/").content.decode()
    assert "<h1>Inloggen via Gemeente Utrecht</h1>" in confirm
    cancelled = client.get(reverse("socialaccount_login_cancelled")).content.decode()
    assert "<h1>Inloggen geannuleerd</h1>" in cancelled
    for page in (confirm, cancelled):
        assert "aanmeld" not in page.lower()
