"""Live events are hints: a broken channel layer never breaks the action that sent them."""

import logging

import pytest
from channels.layers import get_channel_layer

from kennisplatform.live import send_to_groups


class BrokenLayer:
    def __init__(self):
        self.attempts = []

    async def group_send(self, group, event):
        self.attempts.append(group)
        raise ConnectionError("Redis is weg")


def test_every_event_is_tried_and_failures_are_logged_not_raised(monkeypatch, caplog):
    layer = BrokenLayer()
    monkeypatch.setattr("kennisplatform.live.get_channel_layer", lambda: layer)
    with caplog.at_level(logging.WARNING, logger="kennisplatform.live"):
        send_to_groups(
            [("user-1", {"type": "notifications.unread", "unread": 2}), ("user-2", {"type": "session.ended"})]
        )
    assert layer.attempts == ["user-1", "user-2"]
    assert [r.getMessage() for r in caplog.records] == [
        "Could not send notifications.unread to user-1",
        "Could not send session.ended to user-2",
    ]


@pytest.mark.django_db
def test_events_arrive_in_their_groups(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    from asgiref.sync import async_to_sync

    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("user-7", channel)
    send_to_groups([("user-7", {"type": "notifications.unread", "unread": 3}), ("user-8", {"type": "session.ended"})])
    assert async_to_sync(layer.receive)(channel) == {"type": "notifications.unread", "unread": 3}
