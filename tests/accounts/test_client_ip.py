"""Rate limits count per real client: X-Forwarded-For is believed only as far as our own proxies."""

import pytest
from django.test import RequestFactory

from kennisplatform.client_ip import client_ip

pytestmark = pytest.mark.django_db

LIMITED = "Te veel inlogpogingen"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def failed_logins(client, count, forwarded_for):
    """``count`` wrong passwords, each for another address (so only the per-IP limit can bite)."""
    pages = []
    for attempt in range(count):
        response = client.post(
            "/account/login/",
            {"login": f"onbekend{attempt}@utrecht.nl", "password": "fout-wachtwoord-123"},
            HTTP_X_FORWARDED_FOR=forwarded_for(attempt),
        )
        pages.append(response.content.decode())
    return pages


def test_a_different_forwarded_for_on_each_attempt_does_not_escape_the_per_ip_limit(client):
    pages = failed_logins(client, 30, lambda n: f"198.51.100.{n}")
    assert not any(LIMITED in page for page in pages[:20])
    assert all(LIMITED in page for page in pages[20:])


def test_behind_one_proxy_only_the_address_it_saw_counts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client writes whatever it likes on the left; our proxy appends the address it saw.
    pages = failed_logins(client, 30, lambda n: f"198.51.100.{n}, 203.0.113.7")
    assert all(LIMITED in page for page in pages[20:])

    other_person = failed_logins(client, 1, lambda n: "203.0.113.99")
    assert LIMITED not in other_person[0]


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "127.0.0.1"),
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (2, "1.2.3.4", "127.0.0.1"),  # fewer hops than proxies: not through them, use the peer
        (1, "geen-adres", None),
    ],
)
def test_client_ip_is_derived_from_the_trusted_proxy_count(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == expected
