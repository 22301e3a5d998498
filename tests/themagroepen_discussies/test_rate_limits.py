"""Writes and the search API are rate limited: HTTP 429 with a formal Dutch message, and the
write over the limit does not happen. Limits are lowered here; the real ones are in settings."""

import pytest

from kennisplatform.ratelimit import MESSAGE
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.models import Reply, Report, Topic
from themagroepen.models import Invitation, JoinRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.PLATFORM_RATE_LIMITS = {
        "reply": "2/m/user",
        "topic": "1/m/user",
        "report": "1/h/user",
        "join_request": "1/h/user",
        "invitation": "2/h/user",
        "search_api": "3/m/ip",
        "search_suggestions": "3/m/ip",
    }


def assert_limited(response):
    assert response.status_code == 429
    assert MESSAGE in response.content.decode()
    assert response["Retry-After"].isdigit()


def test_replies(groep, lid, lid2, topic):
    client = client_for(lid2)
    url = f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/"
    for n in range(2):
        assert client.post(url, {"body": f"Reactie {n}", "plaatsen": ""}).status_code == 302
    assert_limited(client.post(url, {"body": "Eén te veel", "plaatsen": ""}))
    assert Reply.objects.count() == 2
    # Someone else is not held back by it.
    assert client_for(lid).post(url, {"body": "Van een ander", "plaatsen": ""}).status_code == 302


def test_topics(groep, lid):
    client = client_for(lid)
    url = f"/themagroepen/{groep.slug}/discussies/nieuw/"
    assert client.get(url).status_code == 200  # reading the form does not count
    assert client.post(url, {"title": "Eerste", "body": "Tekst"}).status_code == 302
    assert_limited(client.post(url, {"title": "Tweede", "body": "Tekst"}))
    assert list(Topic.objects.values_list("title", flat=True)) == ["Eerste"]


def test_reports(groep, lid2, topic):
    client = client_for(lid2)
    url = f"/themagroepen/{groep.slug}/discussies/{topic.pk}/melden/"
    assert client.post(url, {"reason": "Reclame"}).status_code == 302
    assert_limited(client.post(url, {"reason": "Nog eens"}))
    assert Report.objects.count() == 1


def test_join_requests(groep, buitenstaander):
    client = client_for(buitenstaander)
    url = f"/themagroepen/{groep.slug}/lid-worden/"
    client.post(url, {"motivation": "Ik werk aan leegstand in Ede."})
    assert_limited(client.post(url, {"motivation": "Nog een keer."}))
    assert JoinRequest.objects.count() == 1


def test_invitations(groep, beheerder):
    client = client_for(beheerder)
    url = f"/themagroepen/{groep.slug}/uitnodigen/"
    for n in range(2):  # each post may name many addresses; the page shows the result per address
        assert client.post(url, {"addresses": f"collega{n}@gemeente.example"}).status_code == 200
    assert_limited(client.post(url, {"addresses": "collega9@gemeente.example"}))
    assert Invitation.objects.count() == 2


@pytest.mark.parametrize("path", ["/api/zoeken/", "/api/zoeken/suggesties/"])
def test_search_api(client, settings, path):
    settings.ELASTICSEARCH_URL = ""  # the database engine answers; the limit is the same
    for _ in range(3):
        assert client.get(path, {"q": "leegstand"}).status_code == 200
    response = client.get(path, {"q": "leegstand"})
    assert_limited(response)
    assert response.json() == {"error": MESSAGE}
