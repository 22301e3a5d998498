"""Signing up, the waiting list, cancelling and the registration deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.bijeenkomsten.conftest import make_bijeenkomst, make_member, only_occurrence
from tests.conftest import make_verified_user
from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.models import Registration

pytestmark = pytest.mark.django_db


def statuses(occurrence):
    return {r.user.email: r.status for r in Registration.objects.filter(occurrence=occurrence).select_related("user")}


def test_places_fill_up_and_then_people_wait(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=2))
    members = [make_member(themagroep) for _ in range(4)]
    results = [services.register(user, occurrence).status for user in members]
    assert results == ["aangemeld", "aangemeld", "wachtlijst", "wachtlijst"]
    assert services.places(occurrence).confirmed == 2
    assert services.places(occurrence).waiting == 2
    last = Registration.objects.get(user=members[3])
    assert services.waiting_position(last) == 2


def test_registering_twice_keeps_one_place_and_updates_the_remark(themagroep, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=5))
    services.register(member, occurrence, "vegetarisch")
    services.register(member, occurrence, "veganistisch")
    registration = Registration.objects.get(occurrence=occurrence)
    assert registration.remark == "veganistisch"
    assert services.places(occurrence).confirmed == 1


def test_cancelling_promotes_the_first_waiting_and_notifies_them(themagroep, django_capture_on_commit_callbacks):
    from themagroepen.notificaties.models import Notification

    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1, title="Bestuurdersplatform"))
    first, second, third = (make_member(themagroep) for _ in range(3))
    for user in (first, second, third):
        services.register(user, occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first, occurrence)
    assert statuses(occurrence) == {first.email: "afgemeld", second.email: "aangemeld", third.email: "wachtlijst"}
    notification = Notification.objects.get(recipient=second)
    assert notification.kind == "waitlist_promoted"
    assert "Bestuurdersplatform" in notification.title
    assert notification.url == occurrence.get_absolute_url()
    assert not Notification.objects.filter(recipient=third).exists()


def test_cancelling_a_waiting_list_place_promotes_nobody(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    first, second, third = (make_member(themagroep) for _ in range(3))
    for user in (first, second, third):
        services.register(user, occurrence)
    services.cancel(second, occurrence)
    assert statuses(occurrence) == {first.email: "aangemeld", second.email: "afgemeld", third.email: "wachtlijst"}


def test_signing_up_again_after_cancelling_goes_to_the_back_of_the_queue(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    first, second, third = (make_member(themagroep) for _ in range(3))
    for user in (first, second, third):
        services.register(user, occurrence)
    services.cancel(second, occurrence)
    assert services.register(second, occurrence).status == "wachtlijst"
    services.cancel(first, occurrence)
    assert statuses(occurrence)[third.email] == "aangemeld"
    assert statuses(occurrence)[second.email] == "wachtlijst"


def test_no_registration_after_the_deadline(themagroep, member):
    start = timezone.now() + timedelta(days=3)
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, start=start, registration_deadline=timezone.now() - timedelta(minutes=1))
    )
    with pytest.raises(services.RegistrationError, match="inschrijftermijn"):
        services.register(member, occurrence)
    assert not Registration.objects.exists()


def test_registration_closes_at_the_start_without_a_deadline(themagroep, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, start=timezone.now() - timedelta(minutes=5)))
    with pytest.raises(services.RegistrationError):
        services.register(member, occurrence)


def test_cancelling_after_the_start_is_refused(themagroep, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    services.register(member, occurrence)
    occurrence.start = timezone.now() - timedelta(minutes=1)
    occurrence.save()
    with pytest.raises(services.RegistrationError):
        services.cancel(member, occurrence)
    assert statuses(occurrence)[member.email] == "aangemeld"


def test_members_only_meeting_refuses_outsiders(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    outsider = make_verified_user("buiten@gemeente.example")
    with pytest.raises(services.RegistrationError):
        services.register(outsider, occurrence)


def test_public_meeting_open_to_non_members_accepts_signed_in_officials(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, visibility="openbaar", allow_non_members=True))
    outsider = make_verified_user("buiten@gemeente.example")
    assert services.register(outsider, occurrence).status == "aangemeld"


def test_public_meeting_without_the_flag_is_for_members_only(themagroep):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, visibility="openbaar"))
    outsider = make_verified_user("buiten@gemeente.example")
    with pytest.raises(services.RegistrationError):
        services.register(outsider, occurrence)


def test_raising_the_capacity_lets_waiting_people_in(themagroep):
    bijeenkomst = make_bijeenkomst(themagroep, capacity=1)
    occurrence = only_occurrence(bijeenkomst)
    first, second = make_member(themagroep), make_member(themagroep)
    services.register(first, occurrence)
    services.register(second, occurrence)
    bijeenkomst.capacity = 2
    bijeenkomst.save()
    services.refill_after_capacity_change(occurrence)
    assert statuses(occurrence)[second.email] == "aangemeld"


def test_leaving_the_group_gives_up_places_and_promotes_the_next(themagroep, beheerder):
    from themagroepen import services as group_services

    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    leaver, waiting = make_member(themagroep), make_member(themagroep)
    services.register(leaver, occurrence)
    services.register(waiting, occurrence)
    group_services.leave(themagroep, leaver)
    assert statuses(occurrence) == {leaver.email: "afgemeld", waiting.email: "aangemeld"}


def test_deleting_a_group_or_an_account_with_registrations_works(themagroep, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=1))
    other = make_member(themagroep)
    services.register(member, occurrence)
    services.register(other, occurrence)
    member.delete()
    themagroep.delete()
    assert not Registration.objects.exists()
