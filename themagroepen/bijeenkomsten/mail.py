"""E-mails to a participant, each with an .ics their calendar understands (iTIP, RFC 5546).

Registering and moving up from the waiting list send METHOD:REQUEST; a change of time or place
sends it again with a higher SEQUENCE; cancelling sends METHOD:CANCEL. All carry the same UID
as the downloads and the feed, so the calendar updates one event instead of adding another.

Exactly once in effect, like the notification mails: each mail is a ``RegistrationMail`` row
written in the transaction that changed the registration, and sent by claiming that row
(``claim_once``), through the outbox shared with notification mails (``kennisplatform.outbox``:
retries with backoff, SIGTERM hand-back, the sweep by the clock job ``meldingen-nasturen``).
Whether the person may still read the meeting is asked again when the mail is sent.
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from icalendar import vCalAddress

from kennisplatform import access, outbox
from kennisplatform.aftercommit import after_commit
from kennisplatform.claims import claim_once
from kennisplatform.outbox import message_id
from themagroepen.bijeenkomsten import ical, permissions
from themagroepen.bijeenkomsten.models import Occurrence, Registration, RegistrationMail, RegistrationStatus

REGISTERED, WAITING, PROMOTED, CANCELLED, CHANGED = "aangemeld", "wachtlijst", "plaats", "afgemeld", "gewijzigd"
_SUBJECTS = {
    REGISTERED: ("U bent ingeschreven voor ‘{}’", "REQUEST"),
    WAITING: ("U staat op de wachtlijst voor ‘{}’", None),  # no place yet: nothing for the calendar
    PROMOTED: ("Er is plaats voor u: ‘{}’", "REQUEST"),
    CANCELLED: ("U bent uitgeschreven voor ‘{}’", "CANCEL"),
    CHANGED: ("Gewijzigd: ‘{}’", "REQUEST"),
}


def mail_after_commit(registrations, kind: str) -> None:
    """Record the mails in the caller's transaction; send them once it has committed."""
    if kind not in _SUBJECTS:
        raise ValueError(f"unknown registration mail {kind!r}")
    mails = RegistrationMail.objects.bulk_create(
        [RegistrationMail(registration=registration, kind=kind) for registration in registrations]
    )
    ids = [mail.pk for mail in mails]
    if ids:
        after_commit(lambda: send_registration_mails.enqueue(ids), name="inschrijvingsmail")


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
def send_registration_mails(mail_ids: list[int], attempt: int = 1) -> int:
    return outbox.send_each(send_registration_mails, mail_ids, attempt, _send_one, "inschrijvingsmail")


def _send_one(mail_id: int) -> bool:
    rows = RegistrationMail.objects.filter(pk=mail_id)

    def send(_pks) -> bool:
        owed = rows.select_related("registration__user", "registration__occurrence__bijeenkomst__themagroep").get()
        registration = owed.registration
        occurrence, user = registration.occurrence, registration.user
        subject, method = _SUBJECTS[owed.kind]
        # Asked again now: since the registration the person may have left the group, or the
        # meeting may have been hidden; then its title must not go out. A cancellation still
        # goes to someone who already had the event, so their calendar drops it.
        may_read = method == "CANCEL" or access.can_read(user, occurrence)
        if not user.email or not user.is_active or not may_read:
            rows.update(handled_at=timezone.now())  # nobody to tell: handled, not sent
            return False
        context = {
            "kind": owed.kind,
            "user": user,
            "occurrence": occurrence,
            "bijeenkomst": occurrence.bijeenkomst,
            "url": settings.SITE_URL + occurrence.get_absolute_url(),
        }
        message = EmailMessage(
            subject=f"[{settings.WAGTAIL_SITE_NAME}] " + subject.format(occurrence.bijeenkomst.title),
            body=render_to_string("bijeenkomsten/email/registration.txt", context),
            to=[user.email],
            headers={"Message-ID": message_id("inschrijving", mail_id)},
        )
        if method:
            message.attach("bijeenkomst.ics", ics_for(registration, method), f"text/calendar; method={method}")
        message.send()
        return True

    return claim_once(rows, unclaimed=Q(handled_at=None), claim={"handled_at": timezone.now()}, effect=send)


def sweep_unsent(now=None) -> int:
    """Clock job: mails that should have gone out by now get a new task."""
    return outbox.sweep(RegistrationMail.objects.filter(handled_at=None), send_registration_mails, now)
