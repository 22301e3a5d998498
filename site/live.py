"""Sending small events to open pages through the Channels layer, best effort.

The action that causes an event has already been committed when we send; a failing channel
layer must never break or undo it (pages show the right state on their next load).
"""

import logging
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def send_to_groups(messages: Iterable[tuple[str, dict]]) -> None:
    """Send each ``(group, event)`` pair. All of them go out from one event loop, so a reply
    that updates thirty people's counters costs one Redis connection, not thirty."""
    messages = list(messages)
    layer = get_channel_layer()
    if layer is None or not messages:
        return
    async_to_sync(_send_all)(layer, messages)


async def _send_all(layer, messages) -> None:
    for group, event in messages:
        try:
            await layer.group_send(group, event)
        except Exception:  # noqa: BLE001 - live updates are hints, never the record
            logger.warning("Could not send %s to %s", event.get("type"), group, exc_info=True)
