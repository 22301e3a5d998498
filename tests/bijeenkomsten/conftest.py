"""Groups, members and meetings for the bijeenkomsten tests."""

from datetime import datetime, timedelta
from itertools import count

import pytest
from django.utils import timezone

from kennisplatform.tz import AMSTERDAM
from tests.conftest import make_verified_user

_numbers = count(1)


def amsterdam(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def make_group(name="Leegstand en herbestemmen", slug="leegstand-en-herbestemmen", visibility="besloten"):
    from themagroepen.models import Themagroep

    return Themagroep.objects.create(
        name=name, slug=slug, description="Kennis delen over leegstand.", visibility=visibility
    )


def make_member(themagroep, email=None, role="lid"):
    from themagroepen.models import Membership

    user = make_verified_user(email or f"lid{next(_numbers)}@gemeente.example")
    Membership.objects.create(themagroep=themagroep, user=user, role=role)
    return user


def make_bijeenkomst(themagroep, **values):
    from themagroepen.bijeenkomsten.models import Bijeenkomst

    start = values.pop("start", timezone.now() + timedelta(days=10))
    values.setdefault("end", start + timedelta(hours=2))
    values.setdefault("title", "Themabijeenkomst kantorentransformatie")
    values.setdefault("description", "We bespreken **transformatie** van kantoren.")
    values.setdefault("place", "Utrecht")
    values.setdefault("address", "Stadsplateau 1\n3521 AZ Utrecht")
    return Bijeenkomst.objects.create(themagroep=themagroep, start=start, **values)


def only_occurrence(bijeenkomst):
    (occurrence,) = bijeenkomst.occurrences.all()
    return occurrence


@pytest.fixture
def themagroep(db):
    return make_group()


@pytest.fixture
def beheerder(themagroep):
    return make_member(themagroep, "beheerder@vng.example", role="beheerder")


@pytest.fixture
def member(themagroep):
    return make_member(themagroep, "lid@utrecht.example")
