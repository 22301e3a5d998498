"""AVG for bijeenkomsten: registrations with their remarks and the e-mails about them, and the calendar feed
(protocol: accounts/privacy.py). Places in coming meetings are given up properly, so the
waiting list moves up; then the registrations themselves are deleted."""

from django.utils import timezone

from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.models import CalendarFeed, Registration, RegistrationMail, RegistrationStatus


def export_user_data(user) -> dict:
    registrations = Registration.objects.filter(user=user).select_related("occurrence__bijeenkomst__themagroep")
    return {
        "aanmeldingen": [
            {
                "bijeenkomst": r.occurrence.bijeenkomst.title,
                "themagroep": r.occurrence.bijeenkomst.themagroep.name,
                "datum": r.occurrence.start.isoformat(),
                "status": r.get_status_display(),
                "opmerking": r.remark,
                "aangemeld_op": r.registered_at.isoformat(),
            }
            for r in registrations.order_by("occurrence__start")
        ],
        "e_mails_over_aanmeldingen": [
            {
                "bijeenkomst": m.registration.occurrence.bijeenkomst.title,
                "soort": m.kind,
                "aangemaakt": m.created.isoformat(),
                "afgehandeld": m.handled_at.isoformat() if m.handled_at else None,
            }
            for m in RegistrationMail.objects.filter(registration__user=user)
            .select_related("registration__occurrence__bijeenkomst")
            .order_by("created", "pk")
        ],
        "agenda_abonnement": CalendarFeed.objects.filter(user=user).exists(),
    }


def anonymise_user(user) -> None:
    coming = Registration.objects.filter(user=user, occurrence__start__gt=timezone.now()).exclude(
        status=RegistrationStatus.CANCELLED
    )
    for registration in coming.select_related("occurrence"):
        services.cancel(user, registration.occurrence)
    Registration.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
