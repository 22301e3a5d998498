"""Small events to the Channels layer, always after the commit.

The events carry ids only; browsers fetch the rendered post over HTTP, so the normal permission
check decides what they see.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def topic_group(topic_id: int) -> str:
    return f"topic-{topic_id}"


def personal_group(user_id: int) -> str:
    """This person's topic sockets (separate from the notification socket's ``user-<id>``)."""
    return f"discussies-user-{user_id}"


def _send(group: str, event: dict) -> None:
    """Best effort: a failing channel layer never breaks the (already committed) action."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # noqa: BLE001 - pages still show everything on their next load
        logger.warning("Could not send %s to %s", event.get("type"), group, exc_info=True)


def reply_created(reply) -> None:
    event = {"type": "reply.created", "reply_id": reply.pk}
    transaction.on_commit(lambda: _send(topic_group(reply.topic_id), event))


def close_user(user_id: int) -> None:
    """Close every live connection of this person (they logged out)."""
    _send(personal_group(user_id), {"type": "force.close"})


def close_user_in_group(user_id: int, themagroep_id: int) -> None:
    """Close this person's live connections in one themagroep (they left or were removed)."""
    event = {"type": "membership.removed", "themagroep_id": themagroep_id}
    transaction.on_commit(lambda: _send(personal_group(user_id), event))
