"""Background e-mail for notifications, run by django-tasks and only ever enqueued after commit.

Exactly once in effect: each notification (and a person's digest batch) is claimed with
``kennisplatform.claims.claim_once``: the rows are locked, the e-mail sent and the rows marked
``sent`` in one transaction, so a failed send or a dead worker leaves them for the next try.
Each mail carries a stable Message-ID. Whether the person may still read what a mail names is
asked again when it is sent (they may have left the group, or the topic may be hidden).

Retries, SIGTERM hand-back and the sweep by the clock job ``meldingen-nasturen`` are the
outbox's (``kennisplatform.outbox``), shared with the meeting mails.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from kennisplatform import outbox
from kennisplatform.claims import claim_once
from kennisplatform.outbox import message_id
from themagroepen.notificaties import emails, replymail
from themagroepen.notificaties.models import EmailPreference, EmailStatus, Frequency, Notification
from themagroepen.notificaties.services import may_see_notification, visible_notifications


@task()
def send_notification_emails(notification_ids: list[int], attempt: int = 1) -> int:
    return outbox.send_each(send_notification_emails, notification_ids, attempt, _send_one, "e-mail voor melding")


def _send_one(notification_id: int) -> bool:
    rows = Notification.objects.filter(pk=notification_id)

    def send(_pks) -> bool:
        notification = rows.select_related("recipient", "themagroep", "actor").get()
        # Checked again now: between the action and this mail the person may have left the group,
        # or the topic may have been hidden. Then the title must not go out.
        if not notification.recipient.email or not may_see_notification(notification.recipient, notification):
            rows.update(email_status=EmailStatus.NONE, emailed_at=None)
            return False
        post = _post_of(notification)
        reply_to = None
        if post is not None:  # a reply's topic, or the topic itself: answering this mail replies there
            reply_to = replymail.reply_address(notification.recipient, getattr(post, "topic_id", post.pk))
        message = emails.build_message(
            notification.recipient,
            subject=notification.title,
            template="notification",
            context={
                "notification": notification,
                "link": emails.absolute(notification.url),
                "post_text": emails.excerpt(post.html) if post is not None else "",
                "reply_by_email": reply_to is not None,
            },
            reply_to=reply_to,
        )
        message.extra_headers["Message-ID"] = message_id("melding", notification_id)
        message.send()
        return True

    return claim_once(
        rows,
        unclaimed=Q(email_status=EmailStatus.DIRECT),
        claim={"email_status": EmailStatus.SENT, "emailed_at": timezone.now()},
        effect=send,
    )


# Notifications about a post of the discussions (a topic or a reply, which keep their sanitised
# ``html``): their e-mail carries the post's text and a reply address. The text goes out only
# because ``may_see_notification`` just asked access whether the recipient may read the post.
POST_KINDS = {"reply", "mention"}


def _post_of(notification):
    if notification.kind not in POST_KINDS or not notification.subject_type_id:
        return None
    return notification.subject


def sweep_unsent(now=None) -> int:
    """Clock job: notifications that should have been mailed by now get a new task."""
    return outbox.sweep(Notification.objects.filter(email_status=EmailStatus.DIRECT), send_notification_emails, now)


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
    recipient = get_user_model().objects.get(pk=user_id)
    sent = False

    def send(batch) -> bool:
        nonlocal sent
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
            sent = True
        return True  # the whole batch is done, mailed or not

    claim_once(
        Notification.objects.filter(recipient_id=user_id),
        unclaimed=Q(email_status=EmailStatus.DIGEST),
        claim={"email_status": EmailStatus.SENT, "emailed_at": timezone.now()},
        effect=send,
    )
    return sent
