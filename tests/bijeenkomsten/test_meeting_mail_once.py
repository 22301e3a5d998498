"""Meeting mails happen exactly once in effect: a durable row per mail, claimed when sent."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tests.bijeenkomsten.conftest import make_bijeenkomst, make_member, only_occurrence
from themagroepen.bijeenkomsten import mail, services
from themagroepen.bijeenkomsten.models import RegistrationMail

pytestmark = pytest.mark.django_db


class RefusingBackend:
    """An SMTP server that is away: every send fails."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP weg")


def test_a_registration_mail_is_recorded_with_the_registration_and_sent_once(
    themagroep, member, mailoutbox, django_capture_on_commit_callbacks
):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    with django_capture_on_commit_callbacks(execute=True):
        services.register(member, occurrence)
    (owed,) = RegistrationMail.objects.all()
    assert owed.kind == mail.REGISTERED and owed.handled_at is not None
    assert len(mailoutbox) == 1 and mailoutbox[0].extra_headers["Message-ID"].startswith("<inschrijving-")

    # The same task again (a duplicate enqueue, a retry after a lost acknowledgement): no second mail.
    assert mail.send_registration_mails.call([owed.pk]) == 0
    assert len(mailoutbox) == 1


def test_a_rolled_back_registration_owes_no_mail(themagroep, member, mailoutbox, django_capture_on_commit_callbacks):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.register(member, occurrence)
                raise RuntimeError
        except RuntimeError:
            pass
    assert not RegistrationMail.objects.exists() and mailoutbox == []


def test_a_failed_send_stays_owed_and_the_sweep_delivers_it_once(
    themagroep, member, mailoutbox, settings, django_capture_on_commit_callbacks
):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    waiting = make_member(themagroep, "wachtend@ede.example")
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        services.register(member, occurrence)
        services.register(waiting, occurrence)
    assert RegistrationMail.objects.filter(handled_at=None).count() == 2  # SMTP away: both still owed

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail.sweep_unsent() == 0  # too early: the retries have their turn first
    assert mail.sweep_unsent(now=timezone.now() + timedelta(minutes=6)) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, waiting.email])
    assert mail.sweep_unsent(now=timezone.now() + timedelta(minutes=12)) == 0
    assert len(mailoutbox) == 2


def test_a_mail_whose_task_was_lost_is_swept_up(themagroep, member, mailoutbox):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    registration = services.register(member, occurrence)  # no commit callbacks run: the task is lost
    assert mailoutbox == [] and RegistrationMail.objects.get(registration=registration).handled_at is None
    mail.sweep_unsent(now=timezone.now() + timedelta(minutes=6))
    assert len(mailoutbox) == 1 and "ingeschreven" in mailoutbox[0].subject


def test_an_unknown_kind_of_mail_is_refused_before_anything_is_written(themagroep, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    registration = services.register(member, occurrence)
    with pytest.raises(ValueError):
        mail.mail_after_commit([registration], "onbekend")
    assert RegistrationMail.objects.count() == 1  # only the registration's own


def test_a_mail_goes_out_only_while_its_meeting_may_be_read(themagroep, member, mailoutbox):
    from themagroepen.models import Membership

    occurrence = only_occurrence(make_bijeenkomst(themagroep))  # for members only
    services.register(member, occurrence)  # its task is lost: the mail waits for the sweep
    Membership.objects.filter(user=member, themagroep=themagroep).delete()  # leaves the group

    mail.sweep_unsent(now=timezone.now() + timedelta(minutes=6))
    # The confirmation would name a meeting the person may no longer read: handled, not sent.
    # The cancellation goes out, so their calendar drops the event it already holds.
    assert [m.subject for m in mailoutbox] == [
        "[Kennisplatform Leegstand] U bent uitgeschreven voor ‘Themabijeenkomst kantorentransformatie’"
    ]
    assert not RegistrationMail.objects.filter(handled_at=None).exists()
