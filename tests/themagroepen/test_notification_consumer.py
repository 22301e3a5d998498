"""The live unread counter over WebSockets: session-authenticated, updated after commit."""

import pytest
from asgiref.sync import sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from themagroepen.routing import websocket_urlpatterns

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

application = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))


def _session_cookie(user) -> bytes:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


def _communicator(cookie: bytes | None = None) -> WebsocketCommunicator:
    headers = [(b"cookie", cookie)] if cookie else []
    return WebsocketCommunicator(application, "/ws/meldingen/", headers=headers)


async def test_anonymous_is_refused_with_4403():
    communicator = _communicator()
    connected, code = await communicator.connect()
    assert (connected, code) == (False, 4403)
    await communicator.disconnect()  # ends the consumer instead of leaving it to the loop's close


async def test_unverified_account_is_refused(unverified_user):
    communicator = _communicator(await sync_to_async(_session_cookie)(unverified_user))
    connected, code = await communicator.connect()
    assert (connected, code) == (False, 4403)
    await communicator.disconnect()  # ends the consumer instead of leaving it to the loop's close


async def test_member_receives_new_unread_count_after_commit(groep, lid):
    from themagroepen.notificaties.services import mark_read, notify

    communicator = _communicator(await sync_to_async(_session_cookie)(lid))
    connected, _ = await communicator.connect()
    assert connected

    await sync_to_async(notify)([lid], kind="reply", title="Nieuwe reactie", url="/x/", themagroep=groep)
    assert await communicator.receive_json_from(timeout=3) == {"type": "unread", "unread": 1}

    await sync_to_async(mark_read)(lid)
    assert await communicator.receive_json_from(timeout=3) == {"type": "unread", "unread": 0}
    await communicator.disconnect()


async def test_others_do_not_receive_your_counts(groep, lid, moderator):
    from themagroepen.notificaties.services import notify

    communicator = _communicator(await sync_to_async(_session_cookie)(moderator))
    assert (await communicator.connect())[0]
    await sync_to_async(notify)([lid], kind="reply", title="Nieuwe reactie", url="/x/", themagroep=groep)
    assert await communicator.receive_nothing(timeout=0.5)
    await communicator.disconnect()


async def test_logout_closes_the_connection(groep, lid):
    from django.contrib.auth.signals import user_logged_out

    communicator = _communicator(await sync_to_async(_session_cookie)(lid))
    assert (await communicator.connect())[0]
    await sync_to_async(user_logged_out.send)(sender=type(lid), request=None, user=lid)
    output = await communicator.receive_output(timeout=3)
    assert output == {"type": "websocket.close", "code": 4403}
    await communicator.disconnect()


@pytest.mark.redis
async def test_counter_update_travels_through_redis_channel_layer(groep, lid, settings):
    """Production runs several ASGI workers; the event must cross them via Redis."""
    import os

    from themagroepen.notificaties.services import notify

    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [os.environ["REDIS_URL"]], "prefix": "test-notificaties"},
        }
    }
    communicator = _communicator(await sync_to_async(_session_cookie)(lid))
    assert (await communicator.connect())[0]
    await sync_to_async(notify)([lid], kind="reply", title="Nieuwe reactie", url="/x/", themagroep=groep)
    assert await communicator.receive_json_from(timeout=3) == {"type": "unread", "unread": 1}
    await communicator.disconnect()
