"""The e-mail the day before: to each confirmed participant, exactly once.

A registration is *claimed* with a conditional UPDATE (``reminder_sent_at IS NULL``) before its
mail goes out, so two runs at the same time, or a run repeated by cron, never send twice. When
sending fails the claim is released, so the next run tries again.
"""

import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from themagroepen.bijeenkomsten import permissions
from themagroepen.bijeenkomsten.ical import location_text
from themagroepen.bijeenkomsten.models import Registration, RegistrationStatus

logger = logging.getLogger(__name__)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
        if not claimed:
            continue  # another run got there first
        try:
            _send(registration)
        except Exception:
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            logger.exception("Herinnering voor inschrijving %s kon niet worden verstuurd", registration.pk)
            continue
        sent += 1
    return sent


def _send(registration: Registration) -> None:
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
