"""Live replies on a topic page: a WebSocket that only ever says "reply N was added".

The browser fetches the rendered reply over HTTP, so the normal permission check decides what
it gets; the socket itself carries ids only.
"""

from channels.db import database_sync_to_async
from django.urls import reverse

from kennisplatform import access
from kennisplatform.consumers import LiveJsonConsumer
from themagroepen.discussies.live import personal_group, topic_group
from themagroepen.discussies.models import Topic

FORBIDDEN = 4403


class TopicConsumer(LiveJsonConsumer):
    groups_joined: tuple = ()

    async def connect(self):
        user = self.scope.get("user")
        topic = await database_sync_to_async(_readable_topic)(user, self.scope["url_route"]["kwargs"])
        # Accept, then close with 4403: a refused handshake would hide the reason from the page.
        await self.accept()
        if topic is None:
            await self.close(code=FORBIDDEN)
            return
        self.themagroep_id = topic.themagroep_id
        self.fragment_base = reverse(
            "themagroepen:discussies:reply_fragment", kwargs={"slug": topic.themagroep.slug, "reply_id": 0}
        )
        self.groups_joined = (topic_group(topic.pk), personal_group(user.pk))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)

    async def disconnect(self, code):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Clients have nothing to say; writing goes through normal HTTP forms."""

    async def reply_created(self, event):
        reply_id = event["reply_id"]
        url = self.fragment_base.removesuffix("0/") + f"{reply_id}/"
        await self.send_json({"type": "reply.created", "reply_id": reply_id, "url": url})

    async def force_close(self, event):
        await self.close(code=FORBIDDEN)

    async def membership_removed(self, event):
        if event["themagroep_id"] == self.themagroep_id:
            await self.close(code=FORBIDDEN)


def _readable_topic(user, kwargs):
    topic = (
        Topic.objects.select_related("themagroep")
        .filter(pk=kwargs["topic_id"], themagroep__slug=kwargs["slug"])
        .first()
    )
    if topic is None or user is None or not access.can_read(user, topic):
        return None
    return topic
