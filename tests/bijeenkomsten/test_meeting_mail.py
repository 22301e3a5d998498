"""Meetings mail: every change to a person's place arrives with an .ics for their calendar."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.bijeenkomsten.conftest import amsterdam, make_bijeenkomst, make_member, only_occurrence
from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.models import Bijeenkomst

pytestmark = pytest.mark.django_db


def calendar_of(message) -> Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert attachment[2].startswith("text/calendar")
    return Calendar.from_ical(attachment[1])


def event_of(message):
    (event,) = calendar_of(message).walk("VEVENT")
    return event


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def test_register_cancel_and_promotion_mail_the_same_event(themagroep, member, mailoutbox, run_on_commit):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    second = make_member(themagroep, "wachtend@ede.example")

    run_on_commit(lambda: services.register(member, occurrence))
    run_on_commit(lambda: services.register(second, occurrence))
    registered, waiting = mailoutbox
    assert registered.to == [member.email] and "ingeschreven" in registered.subject
    assert str(calendar_of(registered)["METHOD"]) == "REQUEST"
    event = event_of(registered)
    assert str(event["UID"]) == occurrence.uid and int(event["SEQUENCE"]) == 0
    assert str(event["LOCATION"]) == "Stadsplateau 1, 3521 AZ Utrecht"  # a confirmed place sees the address
    assert waiting.to == [second.email] and "wachtlijst" in waiting.subject and not waiting.attachments

    run_on_commit(lambda: services.cancel(member, occurrence))
    # One mail each: the in-app notification about the free place does not mail it again.
    cancelled, promoted = mailoutbox[2:]
    assert cancelled.to == [member.email]
    assert str(calendar_of(cancelled)["METHOD"]) == "CANCEL"
    assert str(event_of(cancelled)["STATUS"]) == "CANCELLED"
    assert str(event_of(cancelled)["UID"]) == occurrence.uid
    assert promoted.to == [second.email] and "Er is plaats voor u" in promoted.subject
    assert str(calendar_of(promoted)["METHOD"]) == "REQUEST"
    assert str(event_of(promoted)["UID"]) == occurrence.uid


def test_a_change_of_time_or_place_mails_participants_with_a_higher_sequence(
    client, themagroep, beheerder, member, mailoutbox, run_on_commit
):
    bijeenkomst = make_bijeenkomst(themagroep, start=amsterdam(2027, 5, 20, 14))
    occurrence = only_occurrence(bijeenkomst)
    run_on_commit(lambda: services.register(member, occurrence))
    mailoutbox.clear()

    client.force_login(beheerder)
    data = {
        "kind": bijeenkomst.kind,
        "title": bijeenkomst.title,
        "description": bijeenkomst.description,
        "start": "2027-05-20T15:00",
        "end": "2027-05-20T17:00",
        "place": "Amersfoort",
        "address": "Stadhuisplein 1, Amersfoort",
        "visibility": bijeenkomst.visibility,
    }
    url = reverse("bijeenkomsten:edit", kwargs={"slug": themagroep.slug, "pk": bijeenkomst.pk})
    response = run_on_commit(lambda: client.post(url, data))
    assert response.status_code == 302
    (changed,) = mailoutbox
    assert changed.to == [member.email] and "Gewijzigd" in changed.subject
    event = event_of(changed)
    assert str(event["UID"]) == occurrence.uid and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == amsterdam(2027, 5, 20, 15)
    assert str(event["LOCATION"]) == "Stadhuisplein 1, Amersfoort"


def test_series_file_and_date_files_share_the_uid_and_descriptions_are_plain_text(client, themagroep, member):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 1, 21, 14),
        end=amsterdam(2027, 1, 21, 16),
        recurrence_rule="FREQ=MONTHLY;BYDAY=3TH;COUNT=3",
        description="We bespreken **transformatie**.\n\n- punt een\n- punt twee",
    )
    client.force_login(member)
    series_url = reverse("bijeenkomsten:series_ics", kwargs={"slug": themagroep.slug, "pk": bijeenkomst.pk})
    (series,) = Calendar.from_ical(client.get(series_url).content).walk("VEVENT")
    second = bijeenkomst.occurrences.order_by("start")[1]
    date_url = reverse("bijeenkomsten:ics", kwargs={"slug": themagroep.slug, "pk": second.pk})
    (one_date,) = Calendar.from_ical(client.get(date_url).content).walk("VEVENT")

    assert str(one_date["UID"]) == str(series["UID"])
    assert one_date.decoded("RECURRENCE-ID") == amsterdam(2027, 2, 18, 14)  # the third Thursday of February
    description = str(series["DESCRIPTION"])
    assert description.startswith("We bespreken transformatie.\n\n- punt een\n- punt twee")
    assert "**" not in description and "<" not in description


def test_a_series_can_repeat_on_a_weekday_and_the_demo_series_does(themagroep):
    bijeenkomst = make_bijeenkomst(
        themagroep,
        start=amsterdam(2027, 1, 21, 14),
        end=amsterdam(2027, 1, 21, 16),
        recurrence_rule="FREQ=MONTHLY;BYDAY=3TH;COUNT=4",
    )
    starts = [o.start.astimezone(amsterdam(2027, 1, 1).tzinfo) for o in bijeenkomst.occurrences.order_by("start")]
    assert [s.date().isoformat() for s in starts] == ["2027-01-21", "2027-02-18", "2027-03-18", "2027-04-15"]
    assert all(s.weekday() == 3 and s.hour == 14 for s in starts)


def test_the_demo_series_meets_on_the_third_thursday(themagroep):
    from io import StringIO

    from themagroepen.bijeenkomsten import demo

    demo.load(StringIO())
    pakt = Bijeenkomst.objects.get(title__startswith="PAKT")
    starts = [o.start.astimezone(amsterdam(2027, 1, 1).tzinfo) for o in pakt.occurrences.all()]
    assert len(starts) == 4 and all(s.weekday() == 3 and 15 <= s.day <= 21 for s in starts)
