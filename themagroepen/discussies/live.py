"""Small events to the Channels layer, always after the commit.

The events carry ids only; browsers fetch the rendered post over HTTP, so the normal permission
check decides what they see.
"""

from kennisplatform.aftercommit import after_commit
from kennisplatform.live import send_to_groups


def topic_group(topic_id: int) -> str:
    return f"topic-{topic_id}"


def personal_group(user_id: int) -> str:
    """This person's topic sockets (separate from the notification socket's ``user-<id>``)."""
    return f"discussies-user-{user_id}"


def reply_created(reply) -> None:
    event = {"type": "reply.created", "reply_id": reply.pk}
    after_commit(lambda: send_to_groups([(topic_group(reply.topic_id), event)]), name="live antwoord")


def close_user(user_id: int) -> None:
    """Close every live connection of this person (they logged out)."""
    send_to_groups([(personal_group(user_id), {"type": "force.close"})])


def close_user_in_group(user_id: int, themagroep_id: int) -> None:
    """Close this person's live connections in one themagroep (they left or were removed)."""
    event = {"type": "membership.removed", "themagroep_id": themagroep_id}
    after_commit(lambda: send_to_groups([(personal_group(user_id), event)]), name="live lidmaatschap")
