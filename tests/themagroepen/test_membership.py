"""Joining, requests, invitations, leaving and roles — through the pages a member uses."""

import pytest
from django.urls import reverse

from tests.themagroepen.conftest import make_group
from themagroepen import services
from themagroepen.models import Invitation, InvitationState, JoinRequest, Membership, RequestState, Role, Visibility
from themagroepen.notificaties.models import Notification

pytestmark = pytest.mark.django_db


def test_open_group_is_joined_with_one_post(client, buitenstaander):
    groep = make_group("Kantorentransformatie", visibility=Visibility.OPEN)
    client.force_login(buitenstaander)
    response = client.post(reverse("themagroepen:join", args=[groep.slug]), follow=True)
    assert "Welkom in de themagroep Kantorentransformatie" in response.content.decode()
    assert Membership.objects.filter(themagroep=groep, user=buitenstaander, role=Role.LID).exists()
    # Full membership also puts the person in the group's Django group (Wagtail page privacy).
    assert buitenstaander.groups.filter(pk=groep.auth_group_id).exists()


def test_besloten_group_cannot_be_joined_directly(client, groep, buitenstaander):
    client.force_login(buitenstaander)
    response = client.post(reverse("themagroepen:join", args=[groep.slug]), {"motivation": ""})
    assert response.status_code == 200  # the form again, with the error
    assert not Membership.objects.filter(themagroep=groep, user=buitenstaander).exists()
    assert not JoinRequest.objects.exists()


def test_join_request_accept_notifies_and_admits(
    client, groep, moderator, buitenstaander, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(buitenstaander)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themagroepen:join", args=[groep.slug]), {"motivation": "Ik ben kantorenloods in Ede."})
    join_request = JoinRequest.objects.get()
    assert join_request.state == RequestState.PENDING
    # The beheerder hears about the request.
    assert Notification.objects.filter(recipient=moderator, kind="join_request").exists()

    client.force_login(moderator)
    page = client.get(reverse("themagroepen:requests", args=[groep.slug])).content.decode()
    assert "Ik ben kantorenloods in Ede." in page
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("themagroepen:decide_request", args=[groep.slug, join_request.pk]),
            {"decision": "accept", "message": "Welkom!"},
            follow=True,
        )
    assert "is toegelaten" in response.content.decode()
    join_request.refresh_from_db()
    assert (join_request.state, join_request.decided_by, join_request.message) == (
        RequestState.ACCEPTED,
        moderator,
        "Welkom!",
    )
    assert Membership.objects.filter(themagroep=groep, user=buitenstaander, role=Role.LID).exists()
    notification = Notification.objects.get(recipient=buitenstaander, kind="membership_accepted")
    assert notification.url == groep.get_absolute_url()
    assert [m.to for m in mailoutbox] == [[buitenstaander.email]]
    assert "toegelaten" in mailoutbox[0].subject


def test_join_request_reject_notifies_without_membership(client, groep, moderator, buitenstaander):
    join_request = services.request_to_join(groep, buitenstaander, "Graag")
    client.force_login(moderator)
    client.post(
        reverse("themagroepen:decide_request", args=[groep.slug, join_request.pk]),
        {"decision": "reject", "message": "Alleen gemeenten."},
    )
    join_request.refresh_from_db()
    assert join_request.state == RequestState.REJECTED
    assert not Membership.objects.filter(themagroep=groep, user=buitenstaander).exists()
    notification = Notification.objects.get(recipient=buitenstaander)
    assert notification.kind == "membership_rejected"
    client.force_login(buitenstaander)
    assert "afgewezen" in client.get(reverse("notificaties:list")).content.decode()


def test_a_request_is_decided_once(groep, moderator, buitenstaander):
    join_request = services.request_to_join(groep, buitenstaander, "Graag")
    services.decide_request(join_request, by=moderator, accept=True)
    with pytest.raises(services.MembershipError, match="al besloten"):
        services.decide_request(join_request, by=moderator, accept=False)
    assert Notification.objects.filter(recipient=buitenstaander).count() == 1


def test_only_beheerders_decide_requests(client, groep, moderator, lid, buitenstaander):
    join_request = services.request_to_join(groep, buitenstaander, "Graag")
    client.force_login(lid)
    response = client.post(
        reverse("themagroepen:decide_request", args=[groep.slug, join_request.pk]), {"decision": "accept"}
    )
    assert response.status_code == 403
    join_request.refresh_from_db()
    assert join_request.state == RequestState.PENDING


def test_second_request_while_pending_is_refused(groep, moderator, buitenstaander):
    services.request_to_join(groep, buitenstaander, "Graag")
    with pytest.raises(services.MembershipError, match="al een verzoek"):
        services.request_to_join(groep, buitenstaander, "Nog een keer")


def test_requester_can_withdraw(client, groep, moderator, buitenstaander):
    services.request_to_join(groep, buitenstaander, "Graag")
    client.force_login(buitenstaander)
    client.post(reverse("themagroepen:withdraw_request", args=[groep.slug]))
    assert JoinRequest.objects.get().state == RequestState.WITHDRAWN


def test_unverified_account_cannot_join(client, unverified_user):
    groep = make_group("Open groep", visibility=Visibility.OPEN)
    client.force_login(unverified_user)
    response = client.post(reverse("themagroepen:join", args=[groep.slug]))
    assert response.status_code == 302
    assert response.url == reverse("accounts:verification_required")
    assert not Membership.objects.exists()


# --- invitations -----------------------------------------------------------------------------------


def test_invitation_to_existing_account_is_accepted(
    client, groep, moderator, buitenstaander, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("themagroepen:invite", args=[groep.slug]), {"addresses": "Buitenstaander@Gemeente-Ede.example"}
        )
    invitation = Invitation.objects.get()
    assert invitation.email == "buitenstaander@gemeente-ede.example"
    assert Notification.objects.filter(recipient=buitenstaander, kind="invitation").exists()

    client.force_login(buitenstaander)
    assert "Leegstand en herbestemmen" in client.get(reverse("themagroepen:invitations")).content.decode()
    response = client.post(reverse("themagroepen:answer_invitation", args=[invitation.pk]), {"answer": "accept"})
    assert response.status_code == 302 and response.url == groep.get_absolute_url()
    assert Membership.objects.filter(themagroep=groep, user=buitenstaander).exists()
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.ACCEPTED


def test_invitation_before_sign_up_is_mailed_and_becomes_acceptable_after_verification(
    client, groep, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_confirmed
    from django.contrib.auth import get_user_model

    with django_capture_on_commit_callbacks(execute=True):
        services.invite(groep, "nieuwkomer@gemeente-arnhem.example", by=moderator)
    assert [m.to for m in mailoutbox] == [["nieuwkomer@gemeente-arnhem.example"]]
    assert "/themagroepen/uitnodiging/" in mailoutbox[0].body

    # Signs up; the address is not verified yet, so the invitation is not theirs yet.
    user = get_user_model().objects.create_user(
        username="nk", email="nieuwkomer@gemeente-arnhem.example", password="x" * 14
    )
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    assert not services.pending_invitations_for(user).exists()

    address.verified = True
    address.save()
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert Notification.objects.filter(recipient=user, kind="invitation").exists()
    invitation = services.pending_invitations_for(user).get()
    client.force_login(user)
    client.post(reverse("themagroepen:answer_invitation", args=[invitation.pk]), {"answer": "accept"})
    assert Membership.objects.filter(themagroep=groep, user=user).exists()


def test_invitation_mail_goes_out_once(groep, moderator, mailoutbox, django_capture_on_commit_callbacks):
    from themagroepen.tasks import send_invitation_email

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(groep, "x@gemeente.example", by=moderator)
    send_invitation_email.enqueue(invitation.pk)  # a duplicate enqueue or a retried task
    assert len(mailoutbox) == 1


def test_someone_else_cannot_accept_an_invitation(client, groep, moderator, buitenstaander):
    invitation = services.invite(groep, "iemand-anders@gemeente.example", by=moderator)
    client.force_login(buitenstaander)
    response = client.post(reverse("themagroepen:answer_invitation", args=[invitation.pk]), {"answer": "accept"})
    assert response.status_code == 404
    assert not Membership.objects.filter(user=buitenstaander).exists()


def test_declined_and_revoked_invitations_cannot_be_accepted(groep, moderator, buitenstaander):
    invitation = services.invite(groep, buitenstaander.email, by=moderator)
    services.revoke_invitation(invitation, by=moderator)
    with pytest.raises(services.MembershipError, match="niet meer geldig"):
        services.accept_invitation(invitation, buitenstaander)


# --- leaving, removing, roles --------------------------------------------------------------------


def test_member_leaves(client, groep, moderator, lid):
    client.force_login(lid)
    assert client.get(reverse("themagroepen:leave", args=[groep.slug])).status_code == 200
    client.post(reverse("themagroepen:leave", args=[groep.slug]))
    assert not Membership.objects.filter(user=lid).exists()
    assert not lid.groups.filter(pk=groep.auth_group_id).exists()


def test_beheerder_removes_member(client, groep, moderator, lid):
    membership = Membership.objects.get(user=lid)
    client.force_login(moderator)
    client.post(reverse("themagroepen:remove_member", args=[groep.slug, membership.pk]))
    assert not Membership.objects.filter(user=lid).exists()


def test_beheerder_promotes_and_demotes(client, groep, moderator, lid):
    membership = Membership.objects.get(user=lid)
    client.force_login(moderator)
    client.post(reverse("themagroepen:change_role", args=[groep.slug, membership.pk]), {"role": "beheerder"})
    membership.refresh_from_db()
    assert membership.role == Role.BEHEERDER
    # Now two beheerders: the original may step down.
    own = Membership.objects.get(user=moderator)
    client.post(reverse("themagroepen:change_role", args=[groep.slug, own.pk]), {"role": "lid"})
    own.refresh_from_db()
    assert own.role == Role.LID


def test_last_beheerder_cannot_leave_be_removed_or_demoted(client, groep, moderator, lid, site_admin):
    own = Membership.objects.get(user=moderator)
    for action in (
        lambda: services.leave(groep, moderator),
        lambda: services.set_role(own, Role.LID, by=moderator),
        lambda: services.remove_member(own, by=site_admin),
    ):
        with pytest.raises(services.MembershipError, match="minstens één beheerder"):
            action()
    client.force_login(moderator)
    response = client.post(reverse("themagroepen:leave", args=[groep.slug]), follow=True)
    assert "altijd minstens één beheerder" in response.content.decode()
    assert Membership.objects.filter(themagroep=groep, role=Role.BEHEERDER).count() == 1


def test_lid_cannot_manage_members(client, groep, moderator, lid):
    client.force_login(lid)
    own = Membership.objects.get(user=lid)
    response = client.post(reverse("themagroepen:change_role", args=[groep.slug, own.pk]), {"role": "beheerder"})
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.role == Role.LID


def test_member_list_marks_domain_match_for_beheerders_only(client, groep, moderator, lid):
    from accounts.models import Organisation, OrganisationDomain, Profile

    zeist, _created = Organisation.objects.get_or_create(name="Gemeente Zeist", defaults={"kind": "gemeente"})
    OrganisationDomain.objects.create(organisation=zeist, domain="gemeente-zeist.example")
    Profile.objects.filter(user=lid).update(organisation=zeist)
    # The moderator claims Zeist too, but writes from a Utrecht address.
    Profile.objects.filter(user=moderator).update(organisation=zeist)

    client.force_login(moderator)
    page = client.get(reverse("themagroepen:members", args=[groep.slug])).content.decode()
    rows = page.split("<tr>")[2:]  # after the header row
    lid_row = next(row for row in rows if "lid@gemeente-zeist.example" in row)
    moderator_row = next(row for row in rows if "moderator@gemeente-utrecht.example" in row)
    assert "Domein past bij organisatie" in lid_row
    assert "Domein niet bevestigd" in moderator_row
    client.force_login(lid)
    page = client.get(reverse("themagroepen:members", args=[groep.slug])).content.decode()
    assert "lid@gemeente-zeist.example" not in page and "Domein" not in page


def test_post_without_csrf_token_is_refused(groep, buitenstaander):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(buitenstaander)
    response = client.post(reverse("themagroepen:join", args=[groep.slug]), {"motivation": "x"})
    assert response.status_code == 403
    assert not JoinRequest.objects.exists()


def test_site_admin_sees_without_being_a_member_and_may_manage(client, groep, moderator, site_admin):
    client.force_login(site_admin)
    assert client.get(reverse("themagroepen:requests", args=[groep.slug])).status_code == 200


def test_another_address_can_be_invited_twice_only_once(groep, moderator):
    services.invite(groep, "dubbel@gemeente.example", by=moderator)
    with pytest.raises(services.MembershipError, match="al uitgenodigd"):
        services.invite(groep, "DUBBEL@gemeente.example", by=moderator)


def test_existing_member_cannot_be_invited(groep, moderator, lid):
    with pytest.raises(services.MembershipError, match="al lid"):
        services.invite(groep, lid.email, by=moderator)
    assert not Invitation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_beheerders_stepping_down_at_once_leave_one_beheerder():
    import threading

    from django.db import close_old_connections

    from tests.conftest import make_verified_user

    groep = make_group("Gelijktijdig")
    first, second = make_verified_user("een@gemeente.example"), make_verified_user("twee@gemeente.example")
    memberships = [
        Membership.objects.create(themagroep=groep, user=user, role=Role.BEHEERDER) for user in (first, second)
    ]
    start = threading.Barrier(2)
    outcomes = []

    def step_down(membership, user):
        try:
            start.wait()
            services.set_role(membership, Role.LID, by=user)
            outcomes.append("ok")
        except services.MembershipError as error:
            outcomes.append(error.message)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=step_down, args=(m, m.user)) for m in memberships]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(["ok", services.LAST_BEHEERDER])
    assert Membership.objects.filter(themagroep=groep, role=Role.BEHEERDER).count() == 1
