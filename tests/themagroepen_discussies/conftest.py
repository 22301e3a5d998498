"""A besloten group with a beheerder and two members, an outsider, and helpers to post."""

import pytest
from django.test import Client

from tests.conftest import make_verified_user
from themagroepen.models import Membership, Role, Themagroep, Visibility


@pytest.fixture
def groep(db):
    return Themagroep.objects.create(
        name="Leegstand en herbestemmen",
        slug="leegstand-en-herbestemmen",
        description="Ervaringen met leegstaande panden.",
        visibility=Visibility.BESLOTEN,
    )


@pytest.fixture
def andere_groep(db):
    return Themagroep.objects.create(name="Winkelgebieden", slug="winkelgebieden", description="Binnensteden.")


def _member(groep, email, role=Role.LID, **extra):
    user = make_verified_user(email, **extra)
    Membership.objects.create(themagroep=groep, user=user, role=role)
    return user


@pytest.fixture
def beheerder(groep):
    return _member(groep, "moderator@gemeente.example", Role.BEHEERDER, first_name="Mona", last_name="de Beheerder")


@pytest.fixture
def lid(groep):
    return _member(groep, "anne@gemeente.example", first_name="Anne", last_name="Jansen")


@pytest.fixture
def lid2(groep):
    return _member(groep, "bram@gemeente.example", first_name="Bram", last_name="Visser")


@pytest.fixture
def buitenstaander(db):
    return make_verified_user("buitenstaander@gemeente.example")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def topic(groep, lid):
    from themagroepen.discussies.services import create_topic

    return create_topic(
        groep, lid, "Tijdelijke verhuur van leegstaande kantoren", "Wie heeft ervaring met **leegstandsbeheer**?"
    )


@pytest.fixture
def notifications(monkeypatch):
    """Record what reaches the notification service (the real one is tested by its owner)."""
    sent = []

    def record(recipients, **kwargs):
        sent.append({"recipients": {u.email for u in recipients}, **kwargs})

    monkeypatch.setattr("themagroepen.notificaties.services.notify", record)
    return sent


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Hashing dominates these tests otherwise; password strength is tested in accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
