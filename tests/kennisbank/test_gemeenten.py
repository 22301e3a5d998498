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


def test_population_and_cbs_size_class_where_known():
    by_code = {g.cbs_code: g for g in Gemeente.objects.all()}
    assert (by_code["GM0363"].inwoners, by_code["GM0363"].grootteklasse) == (931000, "250.000 inwoners of meer")
    assert by_code["GM0344"].grootteklasse == "250.000 inwoners of meer"  # Utrecht
    assert by_code["GM0193"].grootteklasse == "100.000 tot 250.000 inwoners"  # Zwolle
    assert by_code["GM0356"].grootteklasse == "50.000 tot 100.000 inwoners"  # Nieuwegein
    assert by_code["GM1895"].grootteklasse == "20.000 tot 50.000 inwoners"  # Oldambt
    assert by_code["GM0096"].grootteklasse == "minder dan 20.000 inwoners"  # Vlieland
    # Unknown (here: near a class boundary) stays empty, and such a gemeente has no class.
    assert by_code["GM0150"].inwoners is None and by_code["GM0150"].grootteklasse == ""


def test_size_class_boundaries():
    gemeente = Gemeente(name="Test", cbs_code="GM9999")
    for inwoners, label in [
        (19_999, "minder dan 20.000 inwoners"),
        (20_000, "20.000 tot 50.000 inwoners"),
        (99_999, "50.000 tot 100.000 inwoners"),
        (100_000, "100.000 tot 250.000 inwoners"),
        (250_000, "250.000 inwoners of meer"),
    ]:
        gemeente.inwoners = inwoners
        assert gemeente.grootteklasse == label, inwoners
