"""E-mails to a participant, each with an .ics their calendar understands (iTIP, RFC 5546).

Registering and moving up from the waiting list send METHOD:REQUEST; a change of time or place
sends it again with a higher SEQUENCE; cancelling sends METHOD:CANCEL. All carry the same UID
as the downloads and the feed, so the calendar updates one event instead of adding another.
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from icalendar import vCalAddress

from kennisplatform.aftercommit import after_commit
from themagroepen.bijeenkomsten import ical, permissions
from themagroepen.bijeenkomsten.models import Occurrence, Registration, RegistrationStatus

REGISTERED, WAITING, PROMOTED, CANCELLED, CHANGED = "aangemeld", "wachtlijst", "plaats", "afgemeld", "gewijzigd"
_SUBJECTS = {
    REGISTERED: ("U bent ingeschreven voor ‘{}’", "REQUEST"),
    WAITING: ("U staat op de wachtlijst voor ‘{}’", None),  # no place yet: nothing for the calendar
    PROMOTED: ("Er is plaats voor u: ‘{}’", "REQUEST"),
    CANCELLED: ("U bent uitgeschreven voor ‘{}’", "CANCEL"),
    CHANGED: ("Gewijzigd: ‘{}’", "REQUEST"),
}


def mail_after_commit(registrations, kind: str) -> None:
    ids = [registration.pk for registration in registrations]
    if ids:
        after_commit(lambda: send_registration_mails.enqueue(ids, kind), name="inschrijvingsmail")


def announce_changes(bijeenkomst, times_before: dict, place_before: tuple) -> list[Occurrence]:
    """After an edit: raise SEQUENCE of the coming dates whose time or place changed, and mail
    their participants. ``times_before`` maps occurrence id → (start, end) before the edit."""
    place_changed = place_before != where(bijeenkomst)
    changed = [
        occurrence
        for occurrence in bijeenkomst.occurrences.filter(start__gt=timezone.now())
        if place_changed
        or times_before.get(occurrence.pk, (occurrence.start, occurrence.end))
        != (
            occurrence.start,
            occurrence.end,
        )
    ]
    Occurrence.objects.filter(pk__in=[o.pk for o in changed]).update(sequence=F("sequence") + 1)
    participants = Registration.objects.filter(occurrence__in=changed, status=RegistrationStatus.CONFIRMED)
    mail_after_commit(list(participants), CHANGED)
    return changed


def where(bijeenkomst) -> tuple:
    return (bijeenkomst.place, bijeenkomst.address, bijeenkomst.online_url)


def ics_for(registration, method: str) -> bytes:
    occurrence = registration.occurrence
    show_location = method != "CANCEL" and permissions.can_see_location(registration.user, occurrence, registration)
    event = ical.occurrence_event(occurrence, show_location)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    event.add("organizer", vCalAddress(f"mailto:{address}"), parameters={"cn": name or address})
    attendee = vCalAddress(f"mailto:{registration.user.email}")
    event.add("attendee", attendee, parameters={"role": "REQ-PARTICIPANT", "partstat": "ACCEPTED"})
    if method == "CANCEL":
        event["status"] = "CANCELLED"
    calendar = ical.new_calendar(method=method)
    calendar.add_component(event)
    return calendar.to_ical()


@task()
def send_registration_mails(registration_ids: list[int], kind: str) -> int:
    subject, method = _SUBJECTS[kind]
    sent = 0
    registrations = Registration.objects.filter(pk__in=registration_ids).select_related(
        "user", "occurrence__bijeenkomst__themagroep"
    )
    for registration in registrations:
        occurrence, user = registration.occurrence, registration.user
        if not user.email or not user.is_active:
            continue
        context = {
            "kind": kind,
            "user": user,
            "occurrence": occurrence,
            "bijeenkomst": occurrence.bijeenkomst,
            "url": settings.SITE_URL + occurrence.get_absolute_url(),
        }
        message = EmailMessage(
            subject=f"[{settings.WAGTAIL_SITE_NAME}] " + subject.format(occurrence.bijeenkomst.title),
            body=render_to_string("bijeenkomsten/email/registration.txt", context),
            to=[user.email],
        )
        if method:
            message.attach("bijeenkomst.ics", ics_for(registration, method), f"text/calendar; method={method}")
        message.send()
        sent += 1
    return sent
