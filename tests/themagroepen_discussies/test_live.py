"""Live replies over WebSockets: session authentication, membership checks, events after commit."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from bs4 import BeautifulSoup
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import transaction

from kennisplatform.routing import websocket_urlpatterns
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.models import Membership

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

FORBIDDEN = 4403

# The production stack minus the origin check (the communicator sends no Origin header).
application = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))


def session_headers(user):
    client = client_for(user)
    return [(b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())], client


async def connect(user, topic, slug=None):
    headers, client = (await sync_to_async(session_headers)(user)) if user else ([], None)
    path = f"/ws/themagroepen/{slug or topic.themagroep.slug}/discussies/{topic.pk}/"
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    return communicator, client


async def assert_closed_with(communicator, code):
    # Generous: the close may wait for a database check on a busy machine.
    message = await communicator.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": code}
    # Our side of the close: otherwise the consumer task outlives the test and its event loop.
    await communicator.disconnect()


async def test_member_gets_a_small_event_after_commit_and_fetches_the_reply(groep, lid, lid2, topic):
    communicator, client = await connect(lid, topic)

    def reply_in_transaction():
        with transaction.atomic():
            reply = services.create_reply(topic, lid2, "Live *reactie*")
            pending = communicator.output_queue.qsize()
        return reply, pending

    reply, pending_inside_transaction = await sync_to_async(reply_in_transaction)()
    assert pending_inside_transaction == 0  # nothing is sent before the commit
    event = await communicator.receive_json_from(timeout=2)
    assert event == {
        "type": "reply.created",
        "reply_id": reply.pk,
        "url": f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/",
    }
    response = await sync_to_async(client.get)(event["url"])
    fragment = BeautifulSoup(response.content, "html.parser")
    assert fragment.li["id"] == f"reactie-{reply.pk}"
    assert fragment.select_one(".post__body em").get_text() == "reactie"
    await communicator.disconnect()


async def test_rolled_back_replies_send_nothing(groep, lid, lid2, topic):
    communicator, _ = await connect(lid, topic)

    def reply_then_roll_back():
        try:
            with transaction.atomic():
                services.create_reply(topic, lid2, "Wordt teruggedraaid")
                raise RuntimeError
        except RuntimeError:
            pass

    await sync_to_async(reply_then_roll_back)()
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


async def test_non_members_and_anonymous_visitors_are_closed_with_4403(groep, topic, buitenstaander):
    for user in (buitenstaander, None):
        communicator, _ = await connect(user, topic)
        await assert_closed_with(communicator, FORBIDDEN)


async def test_a_topic_in_another_group_or_a_hidden_one_is_refused(groep, andere_groep, lid, beheerder, topic):
    communicator, _ = await connect(lid, topic, slug=andere_groep.slug)
    await assert_closed_with(communicator, FORBIDDEN)
    await sync_to_async(services.set_flag)(topic, "hidden", True)
    communicator, _ = await connect(lid, topic)
    await assert_closed_with(communicator, FORBIDDEN)
    moderator, _ = await connect(beheerder, topic)
    assert await moderator.receive_nothing(timeout=0.2)
    await moderator.disconnect()


async def test_logging_out_closes_the_connection(groep, lid, topic):
    communicator, client = await connect(lid, topic)
    response = await sync_to_async(client.post)("/account/logout/")
    assert response.status_code == 302
    await assert_closed_with(communicator, FORBIDDEN)


async def test_leaving_the_group_closes_only_that_groups_connections(groep, andere_groep, lid, topic):
    await sync_to_async(Membership.objects.create)(themagroep=andere_groep, user=lid)
    other_topic = await sync_to_async(services.create_topic)(andere_groep, lid, "Elders", "Tekst")
    here, _ = await connect(lid, topic)
    there, _ = await connect(lid, other_topic)
    await sync_to_async(Membership.objects.filter(themagroep=groep, user=lid).delete)()
    await assert_closed_with(here, FORBIDDEN)
    assert await there.receive_nothing(timeout=0.2)
    await there.disconnect()


async def test_events_reach_open_pages_while_the_sync_thread_is_busy(groep, lid, lid2, topic):
    """Fan-out to hundreds of sockets must not queue behind the one thread that serves sync
    views: Channels' default per-event ``close_old_connections`` hop did exactly that."""
    import threading

    from channels.layers import get_channel_layer

    from themagroepen.discussies.live import topic_group

    communicator, _ = await connect(lid, topic)
    release = threading.Event()
    busy = asyncio.ensure_future(sync_to_async(release.wait)(10))  # e.g. a slow HTTP request
    try:
        await get_channel_layer().group_send(topic_group(topic.pk), {"type": "reply.created", "reply_id": 123})
        event = await communicator.receive_json_from(timeout=2)
        assert event["reply_id"] == 123
        assert not busy.done()  # delivered while the sync thread was still occupied
    finally:
        release.set()
        await busy
    await communicator.disconnect()


async def test_hiding_a_topic_closes_members_sockets_before_any_further_event(groep, lid, lid2, beheerder, topic):
    member, _ = await connect(lid2, topic)
    moderator, _ = await connect(beheerder, topic)
    await sync_to_async(services.set_flag)(topic, "hidden", True)
    await assert_closed_with(member, FORBIDDEN)
    # Beheerders still read the hidden topic: their page keeps hearing about replies.
    reply = await sync_to_async(services.create_reply)(topic, beheerder, "Toelichting van de beheerder")
    event = await moderator.receive_json_from(timeout=2)
    assert event["reply_id"] == reply.pk
    await moderator.disconnect()


async def test_a_moved_topic_stops_reaching_members_of_its_old_group(groep, andere_groep, lid, lid2, beheerder, topic):
    await sync_to_async(Membership.objects.create)(themagroep=andere_groep, user=lid)
    stays, _ = await connect(lid, topic)  # member of both groups
    leaves, _ = await connect(lid2, topic)  # member of the old group only
    await sync_to_async(services.move_topic)(topic, andere_groep)
    await assert_closed_with(leaves, FORBIDDEN)
    assert await stays.receive_nothing(timeout=0.3)
    # The topic now lives in the other group: leaving the old one changes nothing for it,
    # leaving the new one closes the page.
    await sync_to_async(Membership.objects.filter(themagroep=groep, user=lid).delete)()
    assert await stays.receive_nothing(timeout=0.3)
    await sync_to_async(Membership.objects.filter(themagroep=andere_groep, user=lid).delete)()
    await assert_closed_with(stays, FORBIDDEN)


async def test_a_beheerder_made_lid_stops_receiving_a_hidden_topic(groep, lid, beheerder, topic):
    from themagroepen import services as membership_services
    from themagroepen.models import Role

    other = await sync_to_async(_make_beheerder)(groep)
    await sync_to_async(services.set_flag)(topic, "hidden", True)
    communicator, _ = await connect(beheerder, topic)
    membership = await sync_to_async(Membership.objects.get)(themagroep=groep, user=beheerder)
    await sync_to_async(membership_services.set_role)(membership, Role.LID, by=other)
    await assert_closed_with(communicator, FORBIDDEN)


def _make_beheerder(groep):
    from tests.themagroepen_discussies.conftest import _member
    from themagroepen.models import Role

    return _member(groep, "tweede-beheerder@gemeente.example", Role.BEHEERDER)
