"""The municipality reference data loaded by migration."""

import pytest

from kennisbank.models import Gemeente, Provincie

pytestmark = pytest.mark.django_db


def test_all_current_municipalities_and_provinces_are_loaded():
    assert Provincie.objects.count() == 12
    assert Gemeente.objects.count() == 342
    utrecht = Gemeente.objects.select_related("provincie").get(cbs_code="GM0344")
    assert (utrecht.name, utrecht.provincie.name, utrecht.provincie.code) == ("Utrecht", "Utrecht", "PV26")


def test_recent_mergers_are_reflected():
    codes = set(Gemeente.objects.values_list("cbs_code", flat=True))
    # Voorne aan Zee (2023), Dijk en Waard and Land van Cuijk (2022) exist; their predecessors do not.
    assert {"GM1992", "GM1980", "GM1982", "GM1991"} <= codes
    assert not {"GM0501", "GM0530", "GM0614", "GM0398", "GM0457"} & codes
    assert Gemeente.objects.get(cbs_code="GM0279").provincie.name == "Utrecht"  # Scherpenzeel since 2024


def test_every_province_has_municipalities_and_codes_are_unique():
    counts = {p.name: p.gemeenten.count() for p in Provincie.objects.all()}
    assert counts["Noord-Brabant"] == 56 and counts["Flevoland"] == 6
    assert sum(counts.values()) == 342
    assert Gemeente.objects.values("slug").distinct().count() == 342
