"""Invitation e-mails with a signed accept link (run after commit)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from themagroepen import services
from themagroepen.models import Invitation, InvitationState


@task()
def send_invitation_email(invitation_id: int) -> bool:
    # Claim first (emailed_at NULL → now): a duplicate enqueue or retry sends nothing.
    claimed = Invitation.objects.filter(
        pk=invitation_id, emailed_at__isnull=True, state=InvitationState.PENDING
    ).update(emailed_at=timezone.now())
    if not claimed:
        return False
    invitation = Invitation.objects.select_related("themagroep", "invited_by").get(pk=invitation_id)
    context = {
        "invitation": invitation,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "accept_url": settings.SITE_URL
        + reverse("themagroepen:accept_invitation", args=[services.invitation_token(invitation)]),
        "valid_days": services.INVITATION_MAX_AGE.days,
    }
    message = EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] Uitnodiging voor de themagroep {invitation.themagroep.name}",
        body=render_to_string("themagroepen/email/invitation.txt", context),
        to=[invitation.email],
    )
    try:
        message.send()
    except Exception:
        Invitation.objects.filter(pk=invitation_id).update(emailed_at=None)
        raise
    return True
