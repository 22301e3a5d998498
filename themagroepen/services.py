"""Membership changes: joining, requests, invitations, inlogcodes, leaving, roles.

Views call these functions and show ``MembershipError.message`` to the person; every rule about
who may join or change what lives here, inside a transaction. Changes to a group's members are
serialised by locking the group's row, so two beheerders demoting each other at the same moment
cannot leave the group without one.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from kennisplatform import access
from themagroepen.models import (
    Invitation,
    InvitationState,
    JoinCode,
    JoinRequest,
    Membership,
    RequestState,
    Role,
    Themagroep,
    Visibility,
)
from themagroepen.notificaties.services import notify
from themagroepen.permissions import can_manage


class MembershipError(Exception):
    """A rule stopped the change; ``message`` is Dutch and meant for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


LAST_BEHEERDER = "Een themagroep heeft altijd minstens één beheerder. Maak eerst een ander lid beheerder."
NOT_VERIFIED = "Bevestig eerst uw e-mailadres; daarna kunt u lid worden van een themagroep."
NOT_ALLOWED = "U mag dit niet doen in deze themagroep."


def _require_verified(user) -> None:
    if not access.is_verified(user):
        raise MembershipError(NOT_VERIFIED)


def _require_manager(user, themagroep) -> None:
    if not can_manage(user, themagroep):
        raise MembershipError(NOT_ALLOWED)


def _lock_group(themagroep) -> Themagroep:
    return Themagroep.objects.select_for_update().get(pk=themagroep.pk)


def _add_member(themagroep, user, role=Role.LID) -> Membership:
    membership, _created = Membership.objects.get_or_create(themagroep=themagroep, user=user, defaults={"role": role})
    # Joining by any route settles the person's open request.
    JoinRequest.objects.filter(themagroep=themagroep, user=user, state=RequestState.PENDING).update(
        state=RequestState.ACCEPTED, decided_at=timezone.now()
    )
    access.forget_held_keys(user)
    return membership


# --- joining -----------------------------------------------------------------------------------


@transaction.atomic
def join_open(themagroep, user) -> Membership:
    _require_verified(user)
    if themagroep.visibility != Visibility.OPEN:
        raise MembershipError("Deze themagroep is besloten: vraag het lidmaatschap aan of gebruik een uitnodiging.")
    return _add_member(themagroep, user)


@transaction.atomic
def request_to_join(themagroep, user, motivation: str) -> JoinRequest:
    _require_verified(user)
    if themagroep.visibility != Visibility.BESLOTEN:
        raise MembershipError("Voor deze themagroep kunt u geen lidmaatschap aanvragen.")
    if access.is_member(user, themagroep):
        raise MembershipError("U bent al lid van deze themagroep.")
    motivation = motivation.strip()
    if not motivation:
        raise MembershipError("Schrijf kort waarom u lid wilt worden.")
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(themagroep=themagroep, user=user, motivation=motivation)
    except IntegrityError:
        raise MembershipError("U hebt al een verzoek ingediend; een beheerder beoordeelt het.") from None
    managers = [
        m.user for m in Membership.objects.filter(themagroep=themagroep, role=Role.BEHEERDER).select_related("user")
    ]
    notify(
        managers,
        kind="join_request",
        title=f"Nieuw lidmaatschapsverzoek voor {themagroep.name}",
        url=reverse("themagroepen:requests", kwargs={"slug": themagroep.slug}),
        themagroep=themagroep,
        actor=user,
    )
    return join_request


@transaction.atomic
def withdraw_request(themagroep, user) -> bool:
    return bool(
        JoinRequest.objects.filter(themagroep=themagroep, user=user, state=RequestState.PENDING).update(
            state=RequestState.WITHDRAWN, decided_at=timezone.now()
        )
    )


@transaction.atomic
def decide_request(join_request: JoinRequest, *, by, accept: bool, message: str = "") -> JoinRequest:
    themagroep = _lock_group(join_request.themagroep)
    _require_manager(by, themagroep)
    # Re-read under the lock: two beheerders deciding at once must not both act.
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.state != RequestState.PENDING:
        raise MembershipError("Over dit verzoek is al besloten.")
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.message = message.strip()
    if accept:
        _add_member(themagroep, join_request.user)
        join_request.state = RequestState.ACCEPTED
        notify(
            [join_request.user],
            kind="membership_accepted",
            title=f"U bent toegelaten tot de themagroep {themagroep.name}",
            url=themagroep.get_absolute_url(),
            themagroep=themagroep,
            actor=by,
        )
    else:
        join_request.state = RequestState.REJECTED
        # No group on the notification: the person is not a member and must still see it.
        notify(
            [join_request.user],
            kind="membership_rejected",
            title=f"Uw verzoek om lid te worden van {themagroep.name} is afgewezen",
            url=themagroep.get_absolute_url(),
            actor=by,
        )
    join_request.save()
    return join_request


# --- invitations -----------------------------------------------------------------------------


def verified_emails(user) -> list[str]:
    from allauth.account.models import EmailAddress

    return [e.lower() for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)]


def pending_invitations_for(user):
    """Open invitations to any of the person's verified addresses (also ones sent before sign-up)."""
    if not getattr(user, "is_authenticated", False):
        return Invitation.objects.none()
    return Invitation.objects.filter(state=InvitationState.PENDING, email__in=verified_emails(user)).select_related(
        "themagroep"
    )


@transaction.atomic
def invite(themagroep, email: str, *, by) -> Invitation:
    from allauth.account.models import EmailAddress

    from themagroepen.tasks import send_invitation_email

    _require_manager(by, themagroep)
    email = email.strip().lower()
    existing = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    if existing and access.is_member(existing.user, themagroep):
        raise MembershipError(f"{email} is al lid van deze themagroep.")
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(themagroep=themagroep, email=email, invited_by=by)
    except IntegrityError:
        raise MembershipError(f"{email} is al uitgenodigd.") from None
    if existing:
        notify_invitation(invitation, existing.user)
    else:
        invitation_id = invitation.pk
        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation_id))
    return invitation


def notify_invitation(invitation: Invitation, user) -> None:
    notify(
        [user],
        kind="invitation",
        title=f"U bent uitgenodigd voor de themagroep {invitation.themagroep.name}",
        url=reverse("themagroepen:invitations"),
        actor=invitation.invited_by,
    )


def announce_invitations(user, email: str) -> int:
    """After someone verifies an address: tell them about invitations waiting for it."""
    invitations = list(
        Invitation.objects.filter(state=InvitationState.PENDING, email=email.strip().lower()).select_related(
            "themagroep", "invited_by"
        )
    )
    for invitation in invitations:
        if not access.is_member(user, invitation.themagroep):
            notify_invitation(invitation, user)
    return len(invitations)


def _own_invitation(invitation: Invitation, user) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING:
        raise MembershipError("Deze uitnodiging is niet meer geldig.")
    if invitation.email not in verified_emails(user):
        raise MembershipError("Deze uitnodiging is voor een ander e-mailadres.")
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> Membership:
    _require_verified(user)
    themagroep = _lock_group(invitation.themagroep)
    invitation = _own_invitation(invitation, user)
    membership = _add_member(themagroep, user)
    invitation.state = InvitationState.ACCEPTED
    invitation.accepted_by = user
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "accepted_by", "decided_at"])
    return membership


@transaction.atomic
def decline_invitation(invitation: Invitation, user) -> None:
    invitation = _own_invitation(invitation, user)
    invitation.state = InvitationState.DECLINED
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "decided_at"])


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, by) -> None:
    _require_manager(by, invitation.themagroep)
    Invitation.objects.filter(pk=invitation.pk, state=InvitationState.PENDING).update(
        state=InvitationState.REVOKED, decided_at=timezone.now()
    )


# --- inlogcodes ------------------------------------------------------------------------------


@transaction.atomic
def create_join_code(themagroep, *, by, expires_at, max_uses: int) -> JoinCode:
    _require_manager(by, themagroep)
    if expires_at <= timezone.now():
        raise MembershipError("De vervaldatum moet in de toekomst liggen.")
    if max_uses < 1:
        raise MembershipError("Een inlogcode moet minstens één keer te gebruiken zijn.")
    return JoinCode.objects.create(themagroep=themagroep, created_by=by, expires_at=expires_at, max_uses=max_uses)


@transaction.atomic
def revoke_join_code(join_code: JoinCode, *, by) -> None:
    _require_manager(by, join_code.themagroep)
    JoinCode.objects.filter(pk=join_code.pk).update(revoked=True)


INVALID_CODE = "Deze inlogcode is onbekend, verlopen of al te vaak gebruikt."


@transaction.atomic
def redeem_join_code(code: str, user) -> Membership:
    """Admit the person with a valid code. Counting is one conditional UPDATE, so concurrent
    redeemers can never push ``uses`` past ``max_uses``."""
    _require_verified(user)
    join_code = JoinCode.objects.filter(code=code.strip().upper().replace(" ", "")).select_related("themagroep").first()
    if join_code is None:
        raise MembershipError(INVALID_CODE)
    existing = Membership.objects.filter(themagroep=join_code.themagroep, user=user).first()
    if existing:
        return existing  # already in: a second entry must not use up a place
    counted = JoinCode.objects.filter(
        pk=join_code.pk, revoked=False, expires_at__gt=timezone.now(), uses__lt=F("max_uses")
    ).update(uses=F("uses") + 1)
    if not counted:
        raise MembershipError(INVALID_CODE)
    return _add_member(join_code.themagroep, user)


# --- leaving, removing, roles ------------------------------------------------------------------


def _ensure_other_beheerder(themagroep, membership: Membership) -> None:
    if membership.role != Role.BEHEERDER:
        return
    others = Membership.objects.filter(themagroep=themagroep, role=Role.BEHEERDER).exclude(pk=membership.pk)
    if not others.exists():
        raise MembershipError(LAST_BEHEERDER)


def _end_membership(themagroep, membership: Membership) -> None:
    _ensure_other_beheerder(themagroep, membership)
    user = membership.user
    membership.delete()
    access.forget_held_keys(user)
    user_id = user.pk
    transaction.on_commit(lambda: _after_membership_ended(user_id))


def _after_membership_ended(user_id: int) -> None:
    from themagroepen.notificaties import live

    # The group's notifications disappear from the person's list, so the counter changes.
    live.push_unread_counts([user_id])


@transaction.atomic
def leave(themagroep, user) -> None:
    themagroep = _lock_group(themagroep)
    membership = Membership.objects.select_for_update().filter(themagroep=themagroep, user=user).first()
    if membership is None:
        raise MembershipError("U bent geen lid van deze themagroep.")
    _end_membership(themagroep, membership)
    access.forget_held_keys(user)  # the caller's own user object, not only the row's copy


@transaction.atomic
def remove_member(membership: Membership, *, by) -> None:
    themagroep = _lock_group(membership.themagroep)
    _require_manager(by, themagroep)
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    _end_membership(themagroep, membership)


@transaction.atomic
def set_role(membership: Membership, role: str, *, by) -> Membership:
    if role not in Role.values:
        raise MembershipError("Onbekende rol.")
    themagroep = _lock_group(membership.themagroep)
    _require_manager(by, themagroep)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if role == Role.LID:
        _ensure_other_beheerder(themagroep, membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership
