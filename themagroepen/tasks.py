"""Invitation e-mails with a signed accept link (run after commit)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from kennisplatform.claims import claim_once
from themagroepen import services
from themagroepen.models import Invitation, InvitationState


@task()
def send_invitation_email(invitation_id: int) -> bool:
    rows = Invitation.objects.filter(pk=invitation_id)

    def send(_pks) -> bool:
        invitation = rows.select_related("themagroep", "invited_by").get()
        context = {
            "invitation": invitation,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "accept_url": settings.SITE_URL
            + reverse("themagroepen:accept_invitation", args=[services.invitation_token(invitation)]),
            "valid_days": services.INVITATION_MAX_AGE.days,
        }
        EmailMessage(
            subject=f"[{settings.WAGTAIL_SITE_NAME}] Uitnodiging voor de themagroep {invitation.themagroep.name}",
            body=render_to_string("themagroepen/email/invitation.txt", context),
            to=[invitation.email],
        ).send()
        return True

    # A duplicate enqueue or a retry finds nothing left to claim; a failed send rolls back.
    return claim_once(
        rows,
        unclaimed=Q(emailed_at__isnull=True, state=InvitationState.PENDING),
        claim={"emailed_at": timezone.now()},
        effect=send,
    )
