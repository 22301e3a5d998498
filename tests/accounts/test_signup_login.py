"""Sign-up, verification, login, logout, password reset and e-mail change (test client)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Organisation
from tests.accounts.helpers import links_in_last_mail, path_of
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

PASSWORD = "Leegstand-aanpak-2026!"


def signup(client, email, **extra):
    data = {
        "email": email,
        "name": "Jan de Vries",
        "functie": "Beleidsadviseur",
        "organisation": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(extra)
    return client.post("/account/signup/", data)


def confirm_from_mail(client, email):
    link = next(url for url in links_in_last_mail(email) if "/account/confirm-email/" in url)
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Bevestig" in page.content.decode()
    return client.post(path_of(link))


def test_signup_sends_a_link_and_only_a_verified_address_can_sign_in(client):
    response = signup(client, "j.devries@utrecht.nl")
    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    user = get_user_model().objects.get(email="j.devries@utrecht.nl")
    assert not EmailAddress.objects.get(user=user).verified

    # Before verifying, signing in only re-sends the link.
    mail.outbox.clear()
    client.logout()
    response = client.post("/account/login/", {"login": "j.devries@utrecht.nl", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/account/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1

    confirm_from_mail(client, "j.devries@utrecht.nl")
    assert EmailAddress.objects.get(user=user).verified

    response = client.post("/account/login/", {"login": "J.deVries@utrecht.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    profile_page = client.get("/account/profiel/")
    assert profile_page.status_code == 200
    html = profile_page.content.decode()
    assert "Jan de Vries" in html and "Beleidsadviseur" in html


def test_signup_suggests_the_organisation_from_the_e_mail_domain(client):
    signup(client, "p.jansen@utrecht.nl")
    user = get_user_model().objects.get(email="p.jansen@utrecht.nl")
    assert user.profile.organisation.name == "Gemeente Utrecht"

    # An explicit choice wins over the suggestion.
    vng = Organisation.objects.get(name="VNG")
    signup(client, "k.bakker@utrecht.nl", organisation=str(vng.pk))
    assert get_user_model().objects.get(email="k.bakker@utrecht.nl").profile.organisation == vng

    # The endpoint behind the form's enhancement answers from the public domain list.
    assert client.get("/account/organisatie-suggestie/", {"email": "a@gemeente.utrecht.nl"}).json() == {
        "organisation": {"id": Organisation.objects.get(name="Gemeente Utrecht").pk, "name": "Gemeente Utrecht"}
    }
    assert client.get("/account/organisatie-suggestie/", {"email": "a@example.org"}).json() == {"organisation": None}


def test_weak_passwords_are_refused(client):
    response = signup(client, "zwak@utrecht.nl", password1="password1234", password2="password1234")
    assert response.status_code == 200
    assert "veelgebruikt" in response.content.decode()
    response = signup(client, "kort@utrecht.nl", password1="Kort-1!", password2="Kort-1!")
    assert "minstens 12 tekens" in response.content.decode()
    assert not get_user_model().objects.filter(email__in=["zwak@utrecht.nl", "kort@utrecht.nl"]).exists()


def test_logout_only_by_post(client):
    user = make_verified_user("uitlog@utrecht.nl")
    client.force_login(user)
    page = client.get("/account/logout/")
    assert page.status_code == 200
    assert client.session.get("_auth_user_id") == str(user.pk)  # GET asks, it does not sign out
    assert 'method="post"' in page.content.decode()
    client.post("/account/logout/")
    assert "_auth_user_id" not in client.session


def test_csrf_is_enforced_on_login(db):
    from django.test import Client

    make_verified_user("csrf@utrecht.nl")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/account/login/", {"login": "csrf@utrecht.nl", "password": "Sterk-wachtwoord-2026"})
    assert response.status_code == 403


def test_password_reset_by_mailed_link(client):
    make_verified_user("vergeten@utrecht.nl")
    response = client.post("/account/password/reset/", {"email": "vergeten@utrecht.nl"})
    assert response.status_code == 302
    link = next(url for url in links_in_last_mail("vergeten@utrecht.nl") if "/password/reset/key/" in url)
    response = client.get(path_of(link))  # the key moves into the session, then a clean URL
    assert response.status_code == 302
    form_url = response["Location"]
    new_password = "Nieuw-en-sterk-2026"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    client.logout()
    response = client.post("/account/login/", {"login": "vergeten@utrecht.nl", "password": new_password})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    # The link works only once.
    client.logout()
    assert "ongeldig" in client.get(path_of(link), follow=True).content.decode().lower()


def test_email_change_needs_verification_of_the_new_address(client):
    user = make_verified_user("oud@utrecht.nl")
    client.force_login(user)
    response = client.post("/account/email/", {"action_add": "", "email": "nieuw@utrecht.nl"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "oud@utrecht.nl"  # still the old one until the new one is confirmed
    assert not EmailAddress.objects.get(email="nieuw@utrecht.nl").verified

    confirm_from_mail(client, "nieuw@utrecht.nl")
    user.refresh_from_db()
    assert user.email == "nieuw@utrecht.nl"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary")) == [
        ("nieuw@utrecht.nl", True, True)
    ]
    # The old address is told about the change.
    assert any("oud@utrecht.nl" in message.to for message in mail.outbox)


def test_session_ends_with_the_browser_and_has_a_maximum_age(client, settings):
    make_verified_user("sessie@utrecht.nl")
    client.post("/account/login/", {"login": "sessie@utrecht.nl", "password": "Sterk-wachtwoord-2026"})
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_confirming_the_address_in_the_same_browser_signs_the_person_in(client):
    signup(client, "m.smit@utrecht.nl")
    assert "_auth_user_id" not in client.session
    response = confirm_from_mail(client, "m.smit@utrecht.nl")
    user = get_user_model().objects.get(email="m.smit@utrecht.nl")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/account/profiel/").status_code == 200


def test_confirming_in_another_browser_verifies_but_does_not_sign_in(client):
    from django.test import Client

    signup(client, "r.dekker@utrecht.nl")
    other_browser = Client()
    confirm_from_mail(other_browser, "r.dekker@utrecht.nl")
    assert EmailAddress.objects.get(email="r.dekker@utrecht.nl").verified
    assert "_auth_user_id" not in other_browser.session  # whoever holds only the link is not let in
