"""The base for our WebSocket consumers."""

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class LiveJsonConsumer(AsyncJsonWebsocketConsumer):
    """A JSON consumer that hands events straight to their handler.

    Channels calls ``close_old_connections`` in the sync thread before *every* message. A reply
    to a topic watched by 200 people then makes 200 hops through that one thread, queued behind
    each other and behind HTTP requests in the same process: that alone put the p95 delivery
    delay above 300 ms (docs/NOTES.md). Our handlers never touch the database directly; lookups
    go through ``database_sync_to_async``, which closes stale connections itself.
    """

    async def dispatch(self, message):
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)
