"""Two-step verification: TOTP with recovery codes, optional per user, required for staff."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group

from tests.accounts.helpers import current_totp, wait_for_fresh_totp_window
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

PASSWORD = "Sterk-wachtwoord-2026"


def activate_totp(client) -> str:
    page = client.get("/account/2fa/totp/activate/")
    if page.status_code == 302 and page["Location"].startswith("/account/reauthenticate/"):
        # Changing security settings asks for the password again (allauth reauthentication).
        assert client.post(page["Location"], {"password": PASSWORD}).status_code == 302
        page = client.get("/account/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert secret in page.content.decode()  # shown for manual entry next to the QR code
    wait_for_fresh_totp_window()
    response = client.post("/account/2fa/totp/activate/", {"code": current_totp(secret)})
    assert response.status_code == 302
    return secret


def test_member_sets_up_totp_and_then_needs_a_code_to_sign_in(client):
    user = make_verified_user("mfa@utrecht.nl")
    client.post("/account/login/", {"login": "mfa@utrecht.nl", "password": PASSWORD})
    secret = activate_totp(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()

    client.post("/account/logout/")
    response = client.post("/account/login/", {"login": "mfa@utrecht.nl", "password": PASSWORD})
    assert response["Location"] == "/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough

    assert (
        client.post(
            "/account/2fa/authenticate/", {"code": "000000" if current_totp(secret) != "000000" else "111111"}
        ).status_code
        == 200
    )
    assert "_auth_user_id" not in client.session

    wait_for_fresh_totp_window()
    response = client.post("/account/2fa/authenticate/", {"code": current_totp(secret, offset=0)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_recovery_code_works_once_instead_of_the_app(client):
    user = make_verified_user("herstel@utrecht.nl")
    client.force_login(user)
    activate_totp(client)
    code = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]
    client.post("/account/logout/")

    client.post("/account/login/", {"login": "herstel@utrecht.nl", "password": PASSWORD})
    assert client.post("/account/2fa/authenticate/", {"code": code}).status_code == 302
    client.post("/account/logout/")
    client.post("/account/login/", {"login": "herstel@utrecht.nl", "password": PASSWORD})
    assert client.post("/account/2fa/authenticate/", {"code": code}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_mfa_is_optional_for_ordinary_members_even_when_required_for_staff(client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    client.force_login(make_verified_user("gewoon@utrecht.nl"))
    assert client.get("/account/profiel/").status_code == 200


@pytest.mark.parametrize("role", ["superuser", "redacteur", "eindredacteur", "themagroep-beheerder"])
def test_staff_are_sent_to_mfa_setup_until_totp_is_active(client, settings, role):
    from themagroepen.models import Membership, Role, Themagroep

    settings.MFA_REQUIRED_FOR_STAFF = True
    user = make_verified_user(f"{role}@utrecht.nl")
    if role == "superuser":
        user.is_superuser = True
        user.save()
    elif role == "themagroep-beheerder":
        groep = Themagroep.objects.create(name="Leegstand winkels", slug="leegstand-winkels", description="Test")
        Membership.objects.create(themagroep=groep, user=user, role=Role.BEHEERDER)
    else:
        user.groups.add(
            Group.objects.get_or_create(name={"redacteur": "Redacteuren", "eindredacteur": "Eindredacteuren"}[role])[0]
        )
    client.force_login(user)

    for path in ["/account/profiel/", "/themagroepen/", "/cms/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/account/2fa/totp/activate/", path
    activate_totp(client)
    assert client.get("/account/profiel/").status_code == 200

    # Without the setting, nobody is forced.
    other = make_verified_user(f"zonder-{role}@utrecht.nl", is_superuser=True)
    settings.MFA_REQUIRED_FOR_STAFF = False
    client.force_login(other)
    assert client.get("/account/profiel/").status_code == 200


def test_staff_member_may_still_sign_out_before_setting_up_mfa(client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    client.force_login(make_verified_user("admin@utrecht.nl", is_superuser=True))
    client.post("/account/logout/")
    assert "_auth_user_id" not in client.session
