"""Live replies on a topic page: a WebSocket that only ever says "reply N was added".

The browser fetches the rendered reply over HTTP, so the normal permission check decides what
it gets; the socket itself carries ids only. Whenever who may read the topic changes (it was
hidden or moved, the person left the group or lost a role), an ``access.changed`` event makes
each open socket ask access again, and a socket whose reader may no longer read the topic is
closed before it delivers anything else: a consumer handles its events one after the other.
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
    revoked = False

    async def connect(self):
        user = self.scope.get("user")
        topic = await database_sync_to_async(_readable_topic)(user, self.scope["url_route"]["kwargs"])
        # Accept, then close with 4403: a refused handshake would hide the reason from the page.
        await self.accept()
        if topic is None:
            await self.close(code=FORBIDDEN)
            return
        self.topic_id = topic.pk
        self.fragment_base = reverse(
            "themagroepen:discussies:reply_fragment", kwargs={"slug": topic.themagroep.slug, "reply_id": 0}
        )
        self.groups_joined = (topic_group(topic.pk), personal_group(user.pk))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)

    async def disconnect(self, code):
        await self._leave_groups()

    async def _leave_groups(self):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined = ()

    async def _revoke(self):
        self.revoked = True
        await self._leave_groups()
        await self.close(code=FORBIDDEN)

    async def receive_json(self, content, **kwargs):
        """Clients have nothing to say; writing goes through normal HTTP forms."""

    async def reply_created(self, event):
        if self.revoked:
            return
        reply_id = event["reply_id"]
        url = self.fragment_base.removesuffix("0/") + f"{reply_id}/"
        await self.send_json({"type": "reply.created", "reply_id": reply_id, "url": url})

    async def access_changed(self, event):
        if not self.revoked and not await database_sync_to_async(_may_still_read)(
            self.scope.get("user"), self.topic_id
        ):
            await self._revoke()

    async def force_close(self, event):
        await self._revoke()


def _readable_topic(user, kwargs):
    topic = (
        Topic.objects.select_related("themagroep")
        .filter(pk=kwargs["topic_id"], themagroep__slug=kwargs["slug"])
        .first()
    )
    if topic is None or user is None or not access.can_read(user, topic):
        return None
    return topic


def _may_still_read(user, topic_id) -> bool:
    # The keys cached on the connection's user object date from the connect.
    access.forget_held_keys(user)
    topic = Topic.objects.filter(pk=topic_id).first()
    return topic is not None and access.can_read(user, topic)
