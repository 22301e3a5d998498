"""Tell open pages that a person's unread count changed (sent only after commit)."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user-{user_id}"


def push_unread_counts(user_ids) -> None:
    """Send each person's new unread count to their ``user-<id>`` group.

    A failing channel layer must not undo or break the action that caused the notification:
    the page still shows the right count on its next load.
    """
    from themagroepen.notificaties.services import unread_count

    layer = get_channel_layer()
    if layer is None:
        return
    users = get_user_model().objects.filter(pk__in=list(user_ids))
    for user in users:
        try:
            async_to_sync(layer.group_send)(user_group(user.pk), {"type": "notifications.unread", "unread": unread_count(user)})
        except Exception:  # noqa: BLE001 - live updates are best effort
            logger.warning("Could not push unread count to user %s", user.pk, exc_info=True)


def end_sessions(user_id: int) -> None:
    """Close the person's live connections (after logout)."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "session.ended"})
    except Exception:  # noqa: BLE001
        logger.warning("Could not close live connections of user %s", user_id, exc_info=True)
