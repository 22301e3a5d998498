"""People and groups for the themagroepen tests: a besloten group with a beheerder and a lid."""

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import make_verified_user
from themagroepen.models import Membership, Role, Themagroep, Visibility


def make_group(name, visibility=Visibility.BESLOTEN, **extra) -> Themagroep:
    from django.utils.text import slugify

    return Themagroep.objects.create(
        name=name,
        slug=slugify(name),
        description=f"Kennis delen over {name.lower()}.",
        introduction=extra.pop("introduction", f"Welkom bij **{name}**."),
        visibility=visibility,
        **extra,
    )


@pytest.fixture
def groep(db):
    return make_group("Leegstand en herbestemmen")


@pytest.fixture
def moderator(groep):
    user = make_verified_user("moderator@gemeente-utrecht.example")
    Membership.objects.create(themagroep=groep, user=user, role=Role.BEHEERDER)
    return user


@pytest.fixture
def lid(groep):
    user = make_verified_user("lid@gemeente-zeist.example")
    Membership.objects.create(themagroep=groep, user=user, role=Role.LID)
    return user


@pytest.fixture
def buitenstaander(db):
    return make_verified_user("buitenstaander@gemeente-ede.example")


@pytest.fixture
def site_admin(db):
    return make_verified_user("admin@vng.example", is_superuser=True, is_staff=True)


@pytest.fixture
def unverified_user(db):
    return get_user_model().objects.create_user(
        username="nieuw@gemeente.example", email="nieuw@gemeente.example", password="x" * 14
    )
