"""Background e-mail for notifications, run by django-tasks and only ever enqueued after commit.

"Never twice": each notification is claimed (``kennisplatform.claims``: status direct → sent)
before its e-mail is sent; the digest claims a person's waiting batch in one UPDATE. A second
worker, a retried task or a duplicate enqueue finds nothing left to claim. If sending fails,
the claim is released so a retry can send it.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from kennisplatform.claims import claim_once
from themagroepen.notificaties import emails
from themagroepen.notificaties.models import EmailPreference, EmailStatus, Frequency, Notification
from themagroepen.notificaties.services import may_see_notification, visible_notifications

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    sent = 0
    for notification_id in notification_ids:
        if _send_one(notification_id):
            sent += 1
    return sent


def _send_one(notification_id: int) -> bool:
    rows = Notification.objects.filter(pk=notification_id)

    def send() -> bool:
        notification = rows.select_related("recipient", "themagroep", "actor").get()
        # Checked again now: between the action and this mail the person may have left the group,
        # or the topic may have been hidden. Then the title must not go out.
        if not notification.recipient.email or not may_see_notification(notification.recipient, notification):
            rows.update(email_status=EmailStatus.NONE, emailed_at=None)
            return False
        emails.build_message(
            notification.recipient,
            subject=notification.title,
            template="notification",
            context={"notification": notification, "link": emails.absolute(notification.url)},
        ).send()
        return True

    return claim_once(
        rows,
        unclaimed=Q(email_status=EmailStatus.DIRECT),
        claim={"email_status": EmailStatus.SENT, "emailed_at": timezone.now()},
        release={"email_status": EmailStatus.DIRECT, "emailed_at": None},
        effect=send,
    )


def send_digests() -> int:
    """One e-mail per person who chose the daily summary and has notifications waiting."""
    user_ids = (
        Notification.objects.filter(email_status=EmailStatus.DIGEST).values_list("recipient_id", flat=True).distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        if _send_digest(user_id):
            sent += 1
    return sent


def _send_digest(user_id: int) -> bool:
    frequency = EmailPreference.objects.filter(user_id=user_id).values_list("frequency", flat=True).first()
    if frequency == Frequency.NEVER:
        # Turned off since: these will never be mailed.
        Notification.objects.filter(recipient_id=user_id, email_status=EmailStatus.DIGEST).update(
            email_status=EmailStatus.NONE
        )
        return False
    stamp = timezone.now()
    with transaction.atomic():
        # Claim in one UPDATE; a concurrent run claims a disjoint (empty) set.
        claimed = Notification.objects.filter(recipient_id=user_id, email_status=EmailStatus.DIGEST).update(
            email_status=EmailStatus.SENT, emailed_at=stamp
        )
    if not claimed:
        return False
    batch = Notification.objects.filter(recipient_id=user_id, email_status=EmailStatus.SENT, emailed_at=stamp)
    recipient = get_user_model().objects.get(pk=user_id)
    # Only what the person may still read and has not read in the app already.
    notifications = list(
        visible_notifications(recipient)
        .filter(pk__in=batch, read_at__isnull=True)
        .select_related("themagroep")
        .order_by("created")
    )
    if not notifications or not recipient.email:
        return False
    message = emails.build_message(
        recipient,
        subject=f"Samenvatting: {len(notifications)} nieuwe meldingen",
        template="digest",
        context={"notifications": [(n, emails.absolute(n.url)) for n in notifications]},
    )
    try:
        message.send()
    except Exception:
        batch.update(email_status=EmailStatus.DIGEST, emailed_at=None)
        raise
    return True
