"""Small events to the Channels layer, after the commit of the change they announce (a logout
closes the person's sockets at once: there is nothing to commit).

The events carry ids only; browsers fetch the rendered post over HTTP, so the normal permission
check decides what they see.
"""

from django.db import transaction

from kennisplatform.live import send_to_groups

ACCESS_CHANGED = {"type": "access.changed"}


def topic_group(topic_id: int) -> str:
    return f"topic-{topic_id}"


def personal_group(user_id: int) -> str:
    """This person's topic sockets (separate from the notification socket's ``user-<id>``)."""
    return f"discussies-user-{user_id}"


def reply_created(reply) -> None:
    event = {"type": "reply.created", "reply_id": reply.pk}
    transaction.on_commit(lambda: send_to_groups([(topic_group(reply.topic_id), event)]))


def close_user(user_id: int) -> None:
    """Close every live connection of this person (they logged out)."""
    send_to_groups([(personal_group(user_id), {"type": "force.close"})])


def topic_readers_changed(topic_id: int) -> None:
    """The topic was hidden, shown or moved: every open page of it asks access again."""
    transaction.on_commit(lambda: send_to_groups([(topic_group(topic_id), ACCESS_CHANGED)]))


def user_keys_changed(user_id: int) -> None:
    """The person left a group, was removed or lost a role: their open topic pages ask again."""
    transaction.on_commit(lambda: send_to_groups([(personal_group(user_id), ACCESS_CHANGED)]))
