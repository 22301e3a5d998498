import io

import pytest

from tests.conftest import make_verified_user
from themagroepen import demo
from themagroepen.models import Membership, Role, Themagroep, Visibility


@pytest.mark.django_db
def test_demo_groups_are_loaded_idempotently():
    moderator = make_verified_user("moderator@example.nl")
    lid = make_verified_user("lid@example.nl")
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    leegstand = Themagroep.objects.get(name="Leegstand en herbestemmen")
    assert leegstand.visibility == Visibility.BESLOTEN
    assert set(Membership.objects.filter(themagroep=leegstand).values_list("user", "role")) == {
        (moderator.pk, Role.BEHEERDER),
        (lid.pk, Role.LID),
    }
    assert set(Themagroep.objects.values_list("visibility", flat=True)) == {"open", "besloten", "verborgen"}
    assert Themagroep.objects.count() == 3


@pytest.mark.django_db
def test_demo_skips_missing_accounts():
    out = io.StringIO()
    demo.load(out)
    assert "ontbreekt" in out.getvalue()
    assert not Membership.objects.exists()
