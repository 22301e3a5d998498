"""The permission matrix for WebSockets: every live socket, for every kind of person.

The HTTP matrix (``tests/themagroepen/test_permission_matrix.py``) cannot reach the sockets, so
this one opens each of them through the production routing with a real session cookie and
asserts that it stays open exactly for those whom the access module lets read what it carries,
and is closed with 4403 for everyone else (an unverified account, a member just removed, a member
who left included).
"""

import pytest
from asgiref.sync import sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model

from kennisplatform import access
from kennisplatform.routing import websocket_urlpatterns
from tests.conftest import make_verified_user
from tests.themagroepen_discussies.conftest import client_for
from themagroepen import services as membership_services
from themagroepen.discussies import services
from themagroepen.models import Membership, Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

FORBIDDEN = 4403
OPEN, CLOSED = "open", "4403"
application = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))

ROLES = ("anon", "onbevestigd", "buiten", "lid", "beheerder", "ander", "admin", "verwijderd", "vertrokken")
#                      anon    onbev.  buiten  lid     beheer. ander   admin   verw.   vertr.
MATRIX = {
    "topic": (CLOSED, CLOSED, CLOSED, OPEN, OPEN, CLOSED, OPEN, CLOSED, CLOSED),
    "hidden_topic": (CLOSED, CLOSED, CLOSED, CLOSED, OPEN, CLOSED, OPEN, CLOSED, CLOSED),
    "topic_under_other_slug": (CLOSED,) * 9,  # a real topic behind another group's address
    "notifications": (CLOSED, CLOSED, OPEN, OPEN, OPEN, OPEN, OPEN, OPEN, OPEN),
}


def build_world(groep, andere_groep, beheerder, lid, topic):
    hidden = services.create_topic(groep, lid, "Verborgen onderwerp", "Wordt verborgen.")
    services.set_flag(hidden, "hidden", True)
    verwijderd = make_verified_user("verwijderd@gemeente.example")
    vertrokken = make_verified_user("vertrokken@gemeente.example")
    for user in (verwijderd, vertrokken):
        Membership.objects.create(themagroep=groep, user=user, role=Role.LID)
    Membership.objects.filter(themagroep=groep, user=verwijderd).delete()
    membership_services.leave(groep, vertrokken)
    ander = make_verified_user("ander@gemeente.example")
    Membership.objects.create(themagroep=andere_groep, user=ander, role=Role.BEHEERDER)
    users = {
        "anon": None,
        "onbevestigd": get_user_model().objects.create_user(
            username="onbevestigd@gemeente.example", email="onbevestigd@gemeente.example", password="x" * 14
        ),
        "buiten": make_verified_user("buiten@gemeente.example"),
        "lid": lid,
        "beheerder": beheerder,
        "ander": ander,
        "admin": make_verified_user("admin@vng.example", is_superuser=True, is_staff=True),
        "verwijderd": verwijderd,
        "vertrokken": vertrokken,
    }
    paths = {
        "topic": (f"/ws/themagroepen/{groep.slug}/discussies/{topic.pk}/", topic),
        "hidden_topic": (f"/ws/themagroepen/{groep.slug}/discussies/{hidden.pk}/", hidden),
        "topic_under_other_slug": (f"/ws/themagroepen/{andere_groep.slug}/discussies/{topic.pk}/", None),
        "notifications": ("/ws/meldingen/", None),
    }
    return users, paths


def session_cookie(user):
    if user is None:
        return []
    return [(b"cookie", f"sessionid={client_for(user).cookies['sessionid'].value}".encode())]


async def outcome(path, headers) -> str:
    """``open`` when the socket stays open, ``4403`` when it is refused or closed with 4403."""
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect(timeout=5)
    if not connected:
        assert code == FORBIDDEN, f"{path}: refused with {code}"
        await communicator.disconnect()
        return CLOSED
    if await communicator.receive_nothing(timeout=0.3):
        await communicator.disconnect()
        return OPEN
    message = await communicator.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": FORBIDDEN}, f"{path}: {message}"
    await communicator.disconnect()
    return CLOSED


def may_read(user, obj) -> bool:
    return user is not None and access.can_read(user, obj)


async def test_every_socket_for_every_role(groep, andere_groep, beheerder, lid, topic):
    users, paths = await sync_to_async(build_world)(groep, andere_groep, beheerder, lid, topic)
    wrong = []
    for role_index, role in enumerate(ROLES):
        user = users[role]
        headers = await sync_to_async(session_cookie)(user)
        for socket, (path, obj) in paths.items():
            got, wanted = await outcome(path, headers), MATRIX[socket][role_index]
            if got != wanted:
                wrong.append(f"{role} {socket}: expected {wanted}, got {got}")
            if obj is not None and (got == OPEN) != await sync_to_async(may_read)(user, obj):
                wrong.append(f"{role} {socket}: the socket and access.can_read disagree")
    assert wrong == []
