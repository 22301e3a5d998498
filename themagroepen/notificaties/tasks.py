"""Background e-mail for notifications, run by django-tasks and only ever enqueued after commit.

Exactly once in effect: each notification is claimed by locking its row (``direct``) in a
transaction; the e-mail is sent inside that transaction and the row marked ``sent`` in it.
A failed send rolls back (the claim is released), and so does a worker that dies mid-send
(PostgreSQL ends its transaction), so another try finds the row still ``direct``. Only a death
between the SMTP server's "250 OK" and the commit can repeat a mail; it then carries the same
Message-ID, which mail clients use to drop the duplicate.

SMTP trouble is retried with backoff (``retry_delay``); notifications still ``direct`` after
that are swept up by the clock job ``meldingen-nasturen`` (``sweep_unsent``).
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from kennisplatform import taskworker
from themagroepen.notificaties import emails
from themagroepen.notificaties.models import EmailPreference, EmailStatus, Frequency, Notification
from themagroepen.notificaties.services import visible_notifications

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # 10 s ... 21 min; after that the sweep keeps trying every few minutes
SWEEP_AFTER = timedelta(minutes=5)
SWEEP_CHUNK = 50


def retry_delay(attempt: int) -> timedelta:
    """EMAIL_RETRY_SECONDS (10) doubled per attempt, at most an hour."""
    return timedelta(seconds=min(settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), 3600))


def message_id(kind: str, pk) -> str:
    return f"<{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname or 'kennisplatform'}>"


@task()
def send_notification_emails(notification_ids: list[int], attempt: int = 1) -> int:
    sent, failed = 0, []
    for index, notification_id in enumerate(notification_ids):
        if taskworker.stopping.is_set():
            # SIGTERM: finish this task now and leave the rest to the next worker.
            _enqueue(notification_ids[index:], attempt)
            break
        try:
            if _send_one(notification_id):
                sent += 1
        except Exception as exc:  # SMTP down or refusing: the claim was rolled back
            logger.warning("e-mail voor melding %s mislukt (poging %s): %s", notification_id, attempt, exc)
            failed.append(notification_id)
    if failed:
        if attempt < MAX_ATTEMPTS:
            _enqueue(failed, attempt + 1, delay=retry_delay(attempt))
        else:
            logger.error("e-mail voor %s melding(en) na %s pogingen niet verstuurd", len(failed), attempt)
    return sent


def _enqueue(notification_ids, attempt, delay=None) -> None:
    if delay is not None and default_task_backend.supports_defer:
        send_notification_emails.using(run_after=timezone.now() + delay).enqueue(list(notification_ids), attempt)
    elif delay is None:
        send_notification_emails.enqueue(list(notification_ids), attempt)
    # Without a deferring backend (development) the sweep picks them up.


def _send_one(notification_id: int) -> bool:
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "themagroep", "actor")
            .filter(pk=notification_id, email_status=EmailStatus.DIRECT)
            .first()
        )
        if notification is None:  # sent already, or being sent by another worker right now
            return False
        if not notification.recipient.email:
            Notification.objects.filter(pk=notification_id).update(email_status=EmailStatus.NONE)
            return False
        message = emails.build_message(
            notification.recipient,
            subject=notification.title,
            template="notification",
            context={"notification": notification, "link": emails.absolute(notification.url)},
        )
        message.extra_headers["Message-ID"] = message_id("melding", notification_id)
        message.send()
        Notification.objects.filter(pk=notification_id).update(email_status=EmailStatus.SENT, emailed_at=timezone.now())
    return True


def sweep_unsent(now=None) -> int:
    """Clock job: notifications that should have been mailed by now get a new task.
    Harmless when a task for them is still queued: the claim lets only one send."""
    cutoff = (now or timezone.now()) - SWEEP_AFTER
    ids = list(
        Notification.objects.filter(email_status=EmailStatus.DIRECT, created__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:5000]
    )
    for start in range(0, len(ids), SWEEP_CHUNK):
        send_notification_emails.enqueue(ids[start : start + SWEEP_CHUNK])
    return len(ids)


@task()
def send_daily_digests() -> int:
    return send_digests()


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
    recipient = get_user_model().objects.get(pk=user_id)
    with transaction.atomic():
        # Claim by locking the waiting rows; the send and the "sent" mark commit together, and a
        # failed send (or a dead worker) rolls the claim back.
        batch = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(recipient_id=user_id, email_status=EmailStatus.DIGEST)
            .values_list("pk", flat=True)
        )
        if not batch:
            return False
        # Only what the person may still read and has not read in the app already.
        notifications = list(
            visible_notifications(recipient)
            .filter(pk__in=batch, read_at__isnull=True)
            .select_related("themagroep")
            .order_by("created")
        )
        if notifications and recipient.email:
            message = emails.build_message(
                recipient,
                subject=f"Samenvatting: {len(notifications)} nieuwe meldingen",
                template="digest",
                context={"notifications": [(n, emails.absolute(n.url)) for n in notifications]},
            )
            message.extra_headers["Message-ID"] = message_id(f"samenvatting-{user_id}", min(batch))
            message.send()
        Notification.objects.filter(pk__in=batch).update(email_status=EmailStatus.SENT, emailed_at=stamp)
    return bool(notifications and recipient.email)
