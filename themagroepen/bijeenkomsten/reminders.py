"""The e-mail the day before: to each confirmed participant, exactly once.

A registration is *claimed* by locking its row (``reminder_sent_at IS NULL``) in a transaction;
the mail is sent inside it and ``reminder_sent_at`` set in the same commit. Two runs at the same
time skip each other's locked rows; a failed send, or a process that dies mid-send, rolls the
claim back, so the next run tries again.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from kennisplatform.claims import claim_once
from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten import permissions
from themagroepen.bijeenkomsten.ical import location_text
from themagroepen.bijeenkomsten.models import Registration, RegistrationStatus

logger = logging.getLogger(__name__)


def due_registrations(now: datetime | None = None):
    """Confirmed places for dates that start between now and the end of tomorrow (Amsterdam)."""
    now = now or timezone.now()
    tomorrow = now.astimezone(AMSTERDAM).date() + timedelta(days=1)
    end_of_tomorrow = datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=AMSTERDAM)
    return Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        occurrence__start__gt=now,
        occurrence__start__lt=end_of_tomorrow,
    ).select_related("user", "occurrence__bijeenkomst__themagroep")


def send_due_reminders(now: datetime | None = None) -> int:
    sent = 0
    for registration in due_registrations(now):
        occurrence = registration.occurrence
        if not registration.user.email or not permissions.can_register(registration.user, occurrence):
            continue
        try:
            # Another run that got there first leaves nothing to claim.
            done = claim_once(
                Registration.objects.filter(pk=registration.pk),
                unclaimed=Q(reminder_sent_at__isnull=True),
                claim={"reminder_sent_at": timezone.now()},
                effect=lambda _pks, registration=registration: _send(registration),
            )
        except Exception:
            logger.exception("Herinnering voor inschrijving %s kon niet worden verstuurd", registration.pk)
            continue
        sent += done
    return sent


def _send(registration: Registration) -> bool:
    occurrence = registration.occurrence
    bijeenkomst = occurrence.bijeenkomst
    context = {
        "user": registration.user,
        "occurrence": occurrence,
        "bijeenkomst": bijeenkomst,
        "location": location_text(bijeenkomst),
        "url": settings.SITE_URL + occurrence.get_absolute_url(),
    }
    send_mail(
        subject=f"Herinnering: {bijeenkomst.title} morgen",
        message=render_to_string("bijeenkomsten/email/reminder.txt", context),
        from_email=None,
        recipient_list=[registration.user.email],
    )
    return True
