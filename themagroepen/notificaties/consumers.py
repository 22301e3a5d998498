"""Live unread counter: one WebSocket per open page, joined to the person's ``user-<id>`` group."""

from channels.db import database_sync_to_async

from kennisplatform import access
from kennisplatform.consumers import LiveJsonConsumer
from themagroepen.notificaties.live import user_group

FORBIDDEN = 4403


class NotificationConsumer(LiveJsonConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not await database_sync_to_async(access.is_verified)(user):
            await self.close(code=FORBIDDEN)
            return
        self.group_name = user_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group_name", None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def notifications_unread(self, event):
        await self.send_json({"type": "unread", "unread": event["unread"]})

    async def session_ended(self, event):
        await self.close(code=FORBIDDEN)
