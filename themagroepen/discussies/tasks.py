"""Telling followers and mentioned members about a reply, off the request path (issue 15).

``create_reply`` enqueues ``fan_out_reply`` inside its transaction: with the database task
backend (production) the task row commits together with the reply, so nothing is lost between
the commit and the worker, and the request costs the same for 2 or 200 followers. The worker
then creates the notifications (whose own after-commit work mails them and pushes unread
counts). Without a worker (the immediate backend) they are made in the request, as before.
Exactly once in effect: the reply row is locked and a reply that already has its
notifications is skipped, so a task that runs again after a dead worker adds nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend


def fan_out(reply, mentioned, in_reply_to=None) -> None:
    """Called inside ``create_reply``'s transaction."""
    from themagroepen.discussies import services

    if isinstance(fan_out_reply.get_backend(), ImmediateBackend):
        # No worker (``make run``, most tests): notify right here, as part of the write. The
        # immediate backend would swallow a database error inside the transaction, which then
        # rolls back silently while the member is told the reply was saved.
        services.notify_about_reply(reply.topic, reply, reply.author, mentioned, in_reply_to)
        return
    # The database backend's task row commits with the reply.
    fan_out_reply.enqueue(reply.pk, [user.pk for user in mentioned], getattr(in_reply_to, "pk", None))


@task()
def fan_out_reply(reply_id: int, mentioned_ids: list[int], in_reply_to_id: int | None = None) -> int:
    from themagroepen.discussies import notifying, services
    from themagroepen.discussies.models import Reply

    with transaction.atomic():
        reply = Reply.objects.select_for_update(of=("self",)).select_related("topic__themagroep", "author")
        reply = reply.filter(pk=reply_id).first()
        if reply is None or reply.author is None or notifying.has_notified(reply):
            return 0  # deleted meanwhile (or its author), or done by an earlier run
        mentioned = list(get_user_model().objects.filter(pk__in=mentioned_ids))
        in_reply_to = Reply.objects.filter(topic=reply.topic, pk=in_reply_to_id).first() if in_reply_to_id else None
        return services.notify_about_reply(reply.topic, reply, reply.author, mentioned, in_reply_to)
