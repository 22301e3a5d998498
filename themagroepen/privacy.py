"""AVG for themagroepen: join requests (with motivation) and invitations (protocol: accounts/privacy.py).

Memberships are exported and ended by accounts itself (they decide access)."""

from themagroepen.models import Invitation, JoinRequest


def _own_addresses(user) -> list[str]:
    from themagroepen.services import verified_emails

    return verified_emails(user)


def export_user_data(user) -> dict:
    return {
        "lidmaatschapsverzoeken": [
            {
                "themagroep": request.themagroep.name,
                "motivatie": request.motivation,
                "status": request.get_state_display(),
                "ingediend_op": request.created_at.isoformat(),
                "bericht_van_beheerder": request.message,
            }
            for request in JoinRequest.objects.filter(user=user).select_related("themagroep").order_by("created_at")
        ],
        "uitnodigingen_ontvangen": [
            {
                "themagroep": invitation.themagroep.name,
                "e_mailadres": invitation.email,
                "status": invitation.get_state_display(),
                "verstuurd_op": invitation.created_at.isoformat(),
            }
            for invitation in Invitation.objects.filter(email__in=_own_addresses(user)).select_related("themagroep")
        ],
        # Who was invited is the invitee's data; the member's own act is the group and the date.
        "uitnodigingen_verstuurd": [
            {"themagroep": invitation.themagroep.name, "verstuurd_op": invitation.created_at.isoformat()}
            for invitation in Invitation.objects.filter(invited_by=user).select_related("themagroep")
        ],
    }


def anonymise_user(user) -> None:
    JoinRequest.objects.filter(user=user).delete()
    JoinRequest.objects.filter(decided_by=user).update(decided_by=None)
    Invitation.objects.filter(email__in=_own_addresses(user)).delete()
    Invitation.objects.filter(invited_by=user).update(invited_by=None)
    Invitation.objects.filter(accepted_by=user).update(accepted_by=None)
