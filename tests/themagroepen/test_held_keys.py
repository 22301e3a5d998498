"""Working out many people's read keys at once gives exactly what one-by-one gives."""

import pytest
from django.contrib.auth import get_user_model

from kennisplatform import access
from tests.conftest import make_verified_user
from themagroepen.models import Membership, Role, Themagroep

pytestmark = pytest.mark.django_db


def test_batch_keys_equal_single_keys_in_two_queries(django_assert_num_queries):
    leegstand = Themagroep.objects.create(
        name="Leegstand en herbestemmen", slug="leegstand", description="x", visibility="besloten"
    )
    wonen = Themagroep.objects.create(name="Wonen", slug="wonen", description="x", visibility="open")
    lid = make_verified_user("lid@utrecht.example")
    beheerder = make_verified_user("beheerder@vng.example")
    inactive = make_verified_user("weg@gemeente.example", is_active=False)
    unverified = get_user_model().objects.create_user("nieuw@gemeente.example", "nieuw@gemeente.example", "x")
    admin = get_user_model().objects.create_superuser("admin@vng.example", "admin@vng.example", "x")
    outsider = make_verified_user("buiten@gemeente.example")
    Membership.objects.create(themagroep=leegstand, user=lid, role=Role.LID)
    Membership.objects.create(themagroep=leegstand, user=beheerder, role=Role.BEHEERDER)
    Membership.objects.create(themagroep=wonen, user=beheerder, role=Role.LID)
    Membership.objects.create(themagroep=wonen, user=inactive, role=Role.LID)
    Membership.objects.create(themagroep=wonen, user=unverified, role=Role.LID)
    people = [lid, beheerder, inactive, unverified, admin, outsider]

    expected = {u.email: access.held_keys(get_user_model().objects.get(pk=u.pk)) for u in people}
    fresh = list(get_user_model().objects.filter(pk__in=[u.pk for u in people]))
    with django_assert_num_queries(3):  # e-mail addresses, memberships, and the groups for the admin
        access.prime_held_keys(fresh)
    with django_assert_num_queries(0):
        batch = {u.email: access.held_keys(u) for u in fresh}
    assert batch == expected
    assert expected["beheerder@vng.example"] == {
        "public",
        "authenticated",
        f"group:{leegstand.pk}",
        f"beheer:{leegstand.pk}",
        f"group:{wonen.pk}",
    }
    assert expected["nieuw@gemeente.example"] == expected["weg@gemeente.example"] == {"public"}
