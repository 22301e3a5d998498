"""Signing up, cancelling and the waiting list — safe under concurrent requests.

Every change to the places of one date runs in a transaction that first locks that date's
Occurrence row (``select_for_update``; on SQLite the IMMEDIATE transaction mode in settings
takes the database write lock instead). Counting and deciding happen under that lock, so
twenty people clicking at once for ten places give ten confirmed and ten waiting.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from kennisplatform import access
from kennisplatform.aftercommit import after_commit
from themagroepen.bijeenkomsten import mail, permissions
from themagroepen.bijeenkomsten.models import Occurrence, Registration, RegistrationStatus


class RegistrationError(Exception):
    """A reason, in Dutch, why signing up or cancelling is not possible."""


@dataclass(frozen=True)
class Places:
    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def places(occurrence: Occurrence) -> Places:
    counts = occurrence.registrations.aggregate(
        confirmed=Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("id", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return Places(counts["confirmed"], counts["waiting"], occurrence.bijeenkomst.capacity)


def _locked(occurrence_id: int) -> Occurrence:
    return (
        Occurrence.objects.select_for_update(of=("self",))
        .select_related("bijeenkomst__themagroep")
        .get(pk=occurrence_id)
    )


def register(user, occurrence: Occurrence, remark: str = "") -> Registration:
    """Sign ``user`` up; confirmed while there is room, otherwise on the waiting list."""
    if not permissions.can_register(user, occurrence):
        raise RegistrationError("U kunt zich niet inschrijven voor deze bijeenkomst.")
    with transaction.atomic():
        occurrence = _locked(occurrence.pk)
        if not occurrence.registration_open:
            raise RegistrationError("De inschrijftermijn voor deze bijeenkomst is verstreken.")
        registration = Registration.objects.filter(occurrence=occurrence, user=user).first()
        if registration and registration.status != RegistrationStatus.CANCELLED:
            if registration.remark != remark:
                registration.remark = remark
                registration.save(update_fields=["remark"])
            return registration
        status = RegistrationStatus.WAITING if places(occurrence).is_full else RegistrationStatus.CONFIRMED
        registration = registration or Registration(occurrence=occurrence, user=user)
        registration.status = status
        registration.remark = remark
        registration.registered_at = timezone.now()
        registration.reminder_sent_at = None
        registration.save()
        mail.mail_after_commit(
            [registration], mail.WAITING if status == RegistrationStatus.WAITING else mail.REGISTERED
        )
        return registration


def cancel(user, occurrence: Occurrence) -> Registration | None:
    """Cancel ``user``'s place (or waiting-list spot); the first person waiting moves up."""
    with transaction.atomic():
        occurrence = _locked(occurrence.pk)
        if occurrence.has_started:
            raise RegistrationError("Deze bijeenkomst is al begonnen; uitschrijven kan niet meer.")
        registration = (
            Registration.objects.filter(occurrence=occurrence, user=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
        if registration is None:
            return None
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        if was_confirmed:  # only a confirmed place is in the person's calendar
            mail.mail_after_commit([registration], mail.CANCELLED)
        promote_from_waiting_list(occurrence)
        return registration


def promote_from_waiting_list(occurrence: Occurrence) -> list[Registration]:
    """Fill free places from the waiting list, in order. Call with the occurrence locked."""
    free = places(occurrence).free
    if free is None:
        waiting = list(occurrence.registrations.filter(status=RegistrationStatus.WAITING))
    else:
        waiting = list(occurrence.registrations.filter(status=RegistrationStatus.WAITING)[:free])
    if not waiting or occurrence.has_started:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in waiting]).update(status=RegistrationStatus.CONFIRMED)
    users = [registration.user for registration in waiting]
    after_commit(lambda: _notify_promoted(users, occurrence), name="wachtlijst melden")
    mail.mail_after_commit(waiting, mail.PROMOTED)
    return waiting


def refill_after_capacity_change(occurrence: Occurrence) -> list[Registration]:
    with transaction.atomic():
        return promote_from_waiting_list(_locked(occurrence.pk))


def _notify_promoted(users, occurrence: Occurrence) -> None:
    from themagroepen.notificaties.services import notify

    notify(
        users,
        kind="waitlist_promoted",
        title=f"Er is plaats voor u: u bent ingeschreven voor ‘{occurrence.bijeenkomst.title}’",
        url=occurrence.get_absolute_url(),
        themagroep=occurrence.bijeenkomst.themagroep,
        subject=occurrence,
        email=False,  # the meeting mail (PROMOTED, with its .ics) tells them by e-mail
    )


def cancel_inaccessible_registrations(user, themagroep) -> None:
    """After leaving a group: give up places in its coming meetings one can no longer reach."""
    access.forget_held_keys(user)
    registrations = Registration.objects.filter(
        user=user, occurrence__bijeenkomst__themagroep_id=themagroep.pk, occurrence__start__gt=timezone.now()
    ).exclude(status=RegistrationStatus.CANCELLED)
    for registration in registrations.select_related("occurrence__bijeenkomst__themagroep"):
        if not permissions.can_register(user, registration.occurrence):
            cancel(user, registration.occurrence)


def registration_of(user, occurrence: Occurrence) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(occurrence=occurrence, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def waiting_position(registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        occurrence_id=registration.occurrence_id, status=RegistrationStatus.WAITING
    ).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, id__lt=registration.id)
    )
    return ahead.count() + 1


def upcoming_for_group(themagroep, user, limit: int = 5):
    """Coming dates of the group that ``user`` may see: announcements for outsiders, all for members."""
    queryset = Occurrence.objects.filter(bijeenkomst__themagroep=themagroep).select_related("bijeenkomst__themagroep")
    return list(access.filter_readable(queryset, user).upcoming()[:limit])
