"""Sending small events to open pages through the Channels layer, best effort.

The action that causes an event has already been committed when we send; a failing channel
layer must never break or undo it (pages show the right state on their next load).
"""

import asyncio
import logging
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

# A frozen Redis must not hold the response of the person who just posted.
SEND_BUDGET_SECONDS = 1.0


def send_to_groups(messages: Iterable[tuple[str, dict]]) -> None:
    """Send each ``(group, event)`` pair. All of them go out from one event loop, so a reply
    that updates thirty people's counters costs one Redis connection, not thirty."""
    messages = list(messages)
    layer = get_channel_layer()
    if layer is None or not messages:
        return
    async_to_sync(_send_within_budget)(layer, messages)


async def _send_within_budget(layer, messages) -> None:
    try:
        await asyncio.wait_for(_send_all(layer, messages), SEND_BUDGET_SECONDS)
    except TimeoutError:
        logger.warning("Live events not sent within %s s (channel layer slow or down)", SEND_BUDGET_SECONDS)


async def _send_all(layer, messages) -> None:
    for group, event in messages:
        try:
            await layer.group_send(group, event)
        except Exception:  # noqa: BLE001 - live updates are hints, never the record
            logger.warning("Could not send %s to %s", event.get("type"), group, exc_info=True)
