"""Rate limits refuse the N+1th attempt; responses never reveal whether an address has an account."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

PASSWORD = "Sterk-wachtwoord-2026"


def login(client, email, password):
    return client.post("/account/login/", {"login": email, "password": password})


def test_sixth_login_for_one_address_is_refused_even_with_the_right_password(client):
    make_verified_user("doelwit@utrecht.nl")
    for _attempt in range(5):
        response = login(client, "doelwit@utrecht.nl", "fout-wachtwoord-123")
        assert response.status_code == 200
        assert "niet correct" in response.content.decode()
    response = login(client, "doelwit@utrecht.nl", PASSWORD)
    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_eleventh_signup_from_one_address_gets_429(client):
    for number in range(10):
        response = client.post(
            "/account/signup/",
            {
                "email": f"nieuw{number}@utrecht.nl",
                "name": "X",
                "password1": "Leegstand-2026-ok",
                "password2": "Leegstand-2026-ok",
            },
        )
        assert response.status_code == 302
    response = client.post(
        "/account/signup/",
        {
            "email": "nieuw10@utrecht.nl",
            "name": "X",
            "password1": "Leegstand-2026-ok",
            "password2": "Leegstand-2026-ok",
        },
    )
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    assert not get_user_model().objects.filter(email="nieuw10@utrecht.nl").exists()


def test_fourth_password_reset_for_one_address_is_refused(client):
    make_verified_user("reset@utrecht.nl")
    for _attempt in range(3):
        assert client.post("/account/password/reset/", {"email": "reset@utrecht.nl"}).status_code == 302
    assert len(mail.outbox) == 3
    response = client.post("/account/password/reset/", {"email": "reset@utrecht.nl"})
    assert response.status_code != 302
    assert len(mail.outbox) == 3


def test_login_error_is_the_same_for_unknown_address_and_wrong_password(client):
    make_verified_user("bestaat@utrecht.nl")
    wrong_password = login(client, "bestaat@utrecht.nl", "fout-wachtwoord-123").context["form"].errors
    unknown = login(client, "bestaat-niet@utrecht.nl", "fout-wachtwoord-123").context["form"].errors
    assert wrong_password == unknown


def test_password_reset_answers_the_same_for_unknown_addresses(client):
    make_verified_user("bekend@utrecht.nl")
    known = client.post("/account/password/reset/", {"email": "bekend@utrecht.nl"})
    unknown = client.post("/account/password/reset/", {"email": "onbekend@utrecht.nl"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # Only the owner of the mailbox learns the difference.
    assert {tuple(message.to) for message in mail.outbox} == {("bekend@utrecht.nl",), ("onbekend@utrecht.nl",)}


def test_signup_with_a_taken_address_looks_like_any_signup(client):
    make_verified_user("bezet@utrecht.nl")
    data = {"name": "X", "password1": "Leegstand-2026-ok", "password2": "Leegstand-2026-ok"}
    taken = client.post("/account/signup/", {"email": "bezet@utrecht.nl", **data})
    fresh = client.post("/account/signup/", {"email": "vrij@utrecht.nl", **data})
    assert (
        (taken.status_code, taken["Location"])
        == (fresh.status_code, fresh["Location"])
        == (302, "/account/confirm-email/")
    )
    assert get_user_model().objects.filter(email="bezet@utrecht.nl").count() == 1
    # The real owner is told someone tried to register with their address.
    assert any("bezet@utrecht.nl" in message.to for message in mail.outbox)
