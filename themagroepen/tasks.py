"""Invitation e-mails to addresses that have no account yet (run after commit)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from themagroepen.models import Invitation, InvitationState


@task()
def send_invitation_email(invitation_id: int) -> bool:
    # Claimed by a row lock in the transaction that also records the send: a duplicate enqueue
    # or a retry sends nothing; a failed send (or a dead worker) rolls the claim back.
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("themagroep", "invited_by")
            .filter(pk=invitation_id, emailed_at__isnull=True, state=InvitationState.PENDING)
            .first()
        )
        if invitation is None:
            return False
        context = {
            "invitation": invitation,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "signup_url": settings.SITE_URL + reverse("account_signup"),
            "invitations_url": settings.SITE_URL + reverse("themagroepen:invitations"),
        }
        message = EmailMessage(
            subject=f"[{settings.WAGTAIL_SITE_NAME}] Uitnodiging voor de themagroep {invitation.themagroep.name}",
            body=render_to_string("themagroepen/email/invitation.txt", context),
            to=[invitation.email],
        )
        message.send()
        Invitation.objects.filter(pk=invitation_id).update(emailed_at=timezone.now())
    return True
