"""The e-mail the day before goes to each confirmed participant exactly once."""

from datetime import datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.bijeenkomsten.conftest import make_bijeenkomst, make_member, only_occurrence
from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.reminders import send_due_reminders

pytestmark = pytest.mark.django_db


def tomorrow_at(hour):
    amsterdam = ZoneInfo("Europe/Amsterdam")
    day = timezone.now().astimezone(amsterdam).date() + timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=amsterdam)


def test_running_the_command_twice_sends_each_reminder_once(themagroep):
    occurrence = only_occurrence(
        make_bijeenkomst(
            themagroep,
            title="Webinar leegstandverordening",
            start=tomorrow_at(10),
            address="",
            online_url="https://webinar.example/kamer",
        )
    )
    confirmed, waiting = make_member(themagroep), make_member(themagroep)
    occurrence.bijeenkomst.capacity = 1
    occurrence.bijeenkomst.save()
    services.register(confirmed, occurrence)
    services.register(waiting, occurrence)

    call_command("stuur_herinneringen", stdout=StringIO())
    call_command("stuur_herinneringen", stdout=StringIO())

    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    message = mail.outbox[0]
    assert "Webinar leegstandverordening" in message.subject
    assert "https://webinar.example/kamer" in message.body
    assert occurrence.get_absolute_url() in message.body


def test_reminder_contains_the_address_for_in_person_meetings(themagroep, member):
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, start=tomorrow_at(14), address="Stadsplateau 1\n3521 AZ Utrecht")
    )
    services.register(member, occurrence)
    assert send_due_reminders() == 1
    assert "Stadsplateau 1, 3521 AZ Utrecht" in mail.outbox[0].body


def test_no_reminder_for_meetings_later_than_tomorrow_or_cancelled_places(themagroep, member):
    later = only_occurrence(make_bijeenkomst(themagroep, start=tomorrow_at(10) + timedelta(days=2)))
    soon = only_occurrence(make_bijeenkomst(themagroep, start=tomorrow_at(10)))
    services.register(member, later)
    services.register(member, soon)
    services.cancel(member, soon)
    assert send_due_reminders() == 0
    assert mail.outbox == []


def test_a_failed_send_is_retried_next_run(themagroep, member, monkeypatch):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, start=tomorrow_at(10)))
    services.register(member, occurrence)

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP weg")

    monkeypatch.setattr("themagroepen.bijeenkomsten.reminders.send_mail", broken)
    assert send_due_reminders() == 0
    monkeypatch.undo()
    assert send_due_reminders() == 1
    assert len(mail.outbox) == 1


def test_the_task_sends_the_same_reminders(themagroep, member):
    from themagroepen.bijeenkomsten.tasks import send_reminders

    occurrence = only_occurrence(make_bijeenkomst(themagroep, start=tomorrow_at(10)))
    services.register(member, occurrence)
    send_reminders.enqueue()
    send_reminders.enqueue()
    assert len(mail.outbox) == 1
