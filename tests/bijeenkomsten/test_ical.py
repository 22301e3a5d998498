"""The .ics downloads: they parse with `icalendar` and carry title, times and place intact."""

from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.bijeenkomsten.conftest import amsterdam, make_bijeenkomst, only_occurrence
from themagroepen.bijeenkomsten import services

pytestmark = pytest.mark.django_db
TRICKY_TITLE = "Leegstand, herbestemming; en \\ transformatie"


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_event_download_round_trips_title_times_and_location_for_a_participant(client, themagroep, member):
    occurrence = only_occurrence(
        make_bijeenkomst(
            themagroep,
            title=TRICKY_TITLE,
            start=amsterdam(2027, 10, 31, 10),
            end=amsterdam(2027, 10, 31, 12, 30),
            address="Stadsplateau 1\n3521 AZ Utrecht",
        )
    )
    services.register(member, occurrence)
    client.force_login(member)
    calendar, (event,) = events(client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics"))

    assert str(event["SUMMARY"]) == TRICKY_TITLE
    assert event.decoded("DTSTART") == amsterdam(2027, 10, 31, 10)
    assert event.decoded("DTEND") == amsterdam(2027, 10, 31, 12, 30)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["LOCATION"]) == "Stadsplateau 1, 3521 AZ Utrecht"
    assert str(event["UID"]) == occurrence.uid
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Amsterdam"
    # The raw text escapes the separators RFC 5545 reserves.
    assert b"SUMMARY:Leegstand\\, herbestemming\\; en \\\\ transformatie" in response_bytes(
        client, themagroep, occurrence
    )


def response_bytes(client, themagroep, occurrence):
    return client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics").content


def test_download_without_registration_has_no_address_or_link(client, themagroep, member):
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, place="Online", address="", online_url="https://webinar.example/geheim")
    )
    client.force_login(member)
    content = response_bytes(client, themagroep, occurrence)
    _calendar, (event,) = events(
        client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics")
    )
    assert str(event["LOCATION"]) == "Online"
    assert b"webinar.example/geheim" not in content


def test_registered_participant_gets_the_online_link(client, themagroep, member):
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, place="Online", address="", online_url="https://webinar.example/geheim")
    )
    services.register(member, occurrence)
    client.force_login(member)
    _calendar, (event,) = events(
        client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics")
    )
    assert str(event["LOCATION"]) == "https://webinar.example/geheim"
    assert "https://webinar.example/geheim" in str(event["DESCRIPTION"])


def test_series_download_carries_the_rrule_and_expands_to_the_same_local_times(client, themagroep, member):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2026, 10, 14, 14),
        end=amsterdam(2026, 10, 14, 16),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    client.force_login(member)
    _calendar, (event,) = events(
        client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/reeks/{bijeenkomst.pk}/agenda.ics")
    )
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["COUNT"] == [3]
    assert event.decoded("DTSTART") == amsterdam(2026, 10, 14, 14)
    from dateutil.rrule import rrulestr

    start = event.decoded("DTSTART")
    expanded = list(rrulestr(rule.to_ical().decode(), dtstart=start.replace(tzinfo=None)))
    local = [d.replace(tzinfo=ZoneInfo("Europe/Amsterdam")) for d in expanded]
    assert [o.start for o in bijeenkomst.occurrences.order_by("start")] == local


def test_members_only_download_is_a_404_for_outsiders(client, themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    assert client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics").status_code == 404
