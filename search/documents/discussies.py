"""Discussion topics and replies: members of the group only (hidden posts: its beheerders)."""

from themagroepen.discussies.services import post_url

from . import register
from .base import Adapter, plain_text


@register
class TopicAdapter(Adapter):
    model = "discussies.Topic"
    type = "discussie"

    def queryset(self):
        return super().queryset().select_related("themagroep")

    def documents(self, topic):
        return [
            self.doc(
                topic,
                title=topic.title,
                body=plain_text(topic.html) if topic.html else topic.body,
                url=topic.get_absolute_url(),
                context=topic.themagroep.name,
                date=topic.created,
            )
        ]


@register
class ReplyAdapter(Adapter):
    model = "discussies.Reply"
    type = "discussie"
    # Hiding a topic changes who may read its replies.
    follows = {"discussies.topic": lambda topic: topic.replies.all()}

    def queryset(self):
        return super().queryset().select_related("topic__themagroep")

    def documents(self, reply):
        topic = reply.topic
        return [
            self.doc(
                reply,
                title=f"Reactie op: {topic.title}",
                body=plain_text(reply.html) if reply.html else reply.body,
                url=post_url(topic, reply),  # opens the page of the topic that holds the reply
                context=topic.themagroep.name,
                date=reply.created,
            )
        ]
