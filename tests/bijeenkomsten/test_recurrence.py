"""Series of meetings and Amsterdam time, also across the daylight-saving change."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.bijeenkomsten.conftest import amsterdam, make_bijeenkomst, make_member, only_occurrence
from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.models import Occurrence
from themagroepen.bijeenkomsten.templatetags.bijeenkomsten import when

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


def test_meeting_on_the_day_summer_time_ends_is_shown_in_local_time(themagroep):
    # 25 October 2026: clocks go back from 03.00 CEST to 02.00 CET.
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, start=amsterdam(2026, 10, 25, 10), end=amsterdam(2026, 10, 25, 12))
    )
    assert occurrence.start.astimezone(UTC).hour == 9  # CET, UTC+1 after the switch
    assert when(occurrence) == "zondag 25 oktober 2026, 10.00–12.00 uur"


def test_evening_meeting_spanning_the_switch_lasts_its_real_duration(themagroep):
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, start=amsterdam(2026, 10, 25, 1), end=amsterdam(2026, 10, 25, 4))
    )
    assert occurrence.end - occurrence.start == timedelta(hours=4)  # the hour 02.00–03.00 happens twice


def test_weekly_series_keeps_its_local_time_across_the_dst_change(themagroep):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2026, 10, 14, 14),
        end=amsterdam(2026, 10, 14, 16),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
    )
    occurrences = list(bijeenkomst.occurrences.order_by("start"))
    local = [o.start.astimezone(ZoneInfo("Europe/Amsterdam")) for o in occurrences]
    assert [d.strftime("%Y-%m-%d %H:%M") for d in local] == [
        "2026-10-14 14:00",
        "2026-10-21 14:00",
        "2026-10-28 14:00",
        "2026-11-04 14:00",
    ]
    assert [o.start.astimezone(UTC).hour for o in occurrences] == [12, 12, 13, 13]
    assert all(o.end - o.start == timedelta(hours=2) for o in occurrences)


def test_twice_a_year_series_has_one_row_per_date_with_own_registrations(themagroep):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 3, 18, 15),
        end=amsterdam(2027, 3, 18, 17),
        capacity=1,
        recurrence_rule="FREQ=MONTHLY;INTERVAL=6;COUNT=3",
    )
    march, september, _next_march = bijeenkomst.occurrences.order_by("start")
    assert september.start == amsterdam(2027, 9, 18, 15)
    member, other = make_member(themagroep), make_member(themagroep)
    assert services.register(member, march).status == "aangemeld"
    assert services.register(other, march).status == "wachtlijst"
    assert services.register(other, september).status == "aangemeld"


def test_open_ended_series_is_materialised_up_to_the_horizon(themagroep):
    from django.utils import timezone

    bijeenkomst = make_bijeenkomst(themagroep, start=timezone.now() + timedelta(days=1), recurrence_rule="FREQ=MONTHLY")
    count = bijeenkomst.occurrences.count()
    assert 23 <= count <= 25  # two years ahead


def test_uids_are_stable_when_the_series_is_edited_and_rematerialised(themagroep):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 1, 5, 14),
        end=amsterdam(2027, 1, 5, 16),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    before = dict(bijeenkomst.occurrences.values_list("pk", "uid"))
    assert len(set(before.values())) == 3
    bijeenkomst.title = "Nieuwe titel"
    bijeenkomst.start, bijeenkomst.end = amsterdam(2027, 1, 5, 15), amsterdam(2027, 1, 5, 17)  # an hour later
    bijeenkomst.save()
    after = dict(bijeenkomst.occurrences.values_list("pk", "uid"))
    assert after == before
    assert {o.start.astimezone(ZoneInfo("Europe/Amsterdam")).hour for o in bijeenkomst.occurrences.all()} == {15}


def test_shortening_a_series_keeps_dates_that_have_registrations(themagroep, member):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 1, 5, 14),
        end=amsterdam(2027, 1, 5, 16),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
    )
    last = bijeenkomst.occurrences.order_by("start").last()
    services.register(member, last)
    bijeenkomst.recurrence_rule = "FREQ=WEEKLY;COUNT=2"
    bijeenkomst.save()
    assert (
        Occurrence.objects.filter(bijeenkomst=bijeenkomst).count() == 3
    )  # two from the rule + the one with a registration
    assert Occurrence.objects.filter(pk=last.pk).exists()


def test_registration_deadline_follows_each_date_of_a_series(themagroep):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 1, 5, 14),
        end=amsterdam(2027, 1, 5, 16),
        registration_deadline=amsterdam(2027, 1, 3, 12),
        recurrence_rule="FREQ=WEEKLY;COUNT=2",
    )
    second = bijeenkomst.occurrences.order_by("start").last()
    assert second.registration_deadline == amsterdam(2027, 1, 10, 12)
