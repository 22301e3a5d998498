from io import StringIO

import pytest

from tests.bijeenkomsten.conftest import make_group
from themagroepen.bijeenkomsten import demo
from themagroepen.bijeenkomsten.models import Bijeenkomst, Occurrence

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_announces_one_meeting_publicly():
    make_group()
    demo.load(StringIO())
    snapshot = sorted(Occurrence.objects.values_list("uid", "start"))
    demo.load(StringIO())
    assert sorted(Occurrence.objects.values_list("uid", "start")) == snapshot
    assert Bijeenkomst.objects.count() == 4
    assert Occurrence.objects.get(bijeenkomst__title__startswith="Kennisbijeenkomst").verslag_html.startswith(
        "<h3>Terugblik"
    )
    assert Bijeenkomst.objects.filter(visibility="openbaar").count() == 1
    assert Bijeenkomst.objects.get(title__startswith="PAKT").occurrences.count() == 4


def test_demo_skips_without_the_group(db):
    out = StringIO()
    demo.load(out)
    assert "overgeslagen" in out.getvalue()
    assert not Bijeenkomst.objects.exists()
