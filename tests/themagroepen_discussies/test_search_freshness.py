"""Moderation removals are invisible to search (real Elasticsearch) before the moderator's
response returns, and changes to who may read a topic keep the index true.

The index's periodic refresh is switched off in these tests: a change that only becomes
searchable "within a second" would otherwise pass by luck.
"""

import pytest

from search import index as search_index
from tests.search.conftest import es_index  # noqa: F401 - the fixture, shared with the search tests
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.models import Membership, Role, Visibility

# Transactional: the index and the open pages learn of a change after its commit, as in production.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.elasticsearch]

QUERY = "leegstandsbeheer"


@pytest.fixture
def search_on(es_index):  # noqa: F811
    search_index.ensure_index(es_index)
    yield es_index


@pytest.fixture
def posts(search_on, groep, lid, lid2, beheerder):
    topic = services.create_topic(groep, lid, "Leegstandsbeheer in Zeist", "Wie heeft ervaring met leegstandsbeheer?")
    reply = services.create_reply(topic, lid2, "Wij doen leegstandsbeheer met een stichting.")
    alias = search_index.alias_name()
    search_on.indices.refresh(index=alias)
    search_on.indices.put_settings(index=alias, settings={"refresh_interval": "-1"})
    return topic, reply


def found(user, q=QUERY):
    results = client_for(user).get("/api/zoeken/", {"q": q}).json()["results"]
    return {hit["url"] for hit in results}


def urls(topic, reply):
    return {topic.get_absolute_url(), services.post_url(topic, reply)}


def test_a_hidden_topic_and_its_replies_are_gone_from_search_when_the_response_returns(posts, groep, lid2, beheerder):
    topic, reply = posts
    assert found(lid2) == urls(topic, reply)
    response = client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/moderatie/", {"actie": "verbergen"}
    )
    assert response.status_code == 302
    assert found(lid2) == set()
    assert found(beheerder) == urls(topic, reply)  # beheerders still find what they hid

    client_for(beheerder).post(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/moderatie/", {"actie": "tonen"})
    assert found(lid2) == urls(topic, reply)


def test_a_hidden_reply_is_gone_from_search_when_the_response_returns(posts, groep, lid2, beheerder):
    topic, reply = posts
    response = client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/moderatie/", {"actie": "verbergen"}
    )
    assert response.status_code == 302
    assert found(lid2) == {topic.get_absolute_url()}


def test_a_moved_topic_is_no_longer_found_by_members_of_its_old_group(posts, groep, andere_groep, lid2, beheerder):
    topic, reply = posts
    Membership.objects.create(themagroep=andere_groep, user=beheerder, role=Role.BEHEERDER)
    response = client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/verplaatsen/", {"target": andere_groep.pk}
    )
    assert response.status_code == 302
    assert found(lid2) == set()
    topic.refresh_from_db()
    assert found(beheerder) == urls(topic, reply)


def test_a_group_turning_hidden_leaves_search_through_the_queue(search_on, groep, beheerder):
    from django.test import Client

    search_on.indices.refresh(index=search_index.alias_name())
    assert groep.get_absolute_url() in {
        h["url"] for h in Client().get("/api/zoeken/", {"q": "herbestemmen"}).json()["results"]
    }
    groep.visibility = Visibility.VERBORGEN
    groep.save()
    search_on.indices.refresh(index=search_index.alias_name())
    assert Client().get("/api/zoeken/", {"q": "herbestemmen"}).json()["results"] == []
    assert groep.get_absolute_url() in found(beheerder, "herbestemmen")


def test_search_trouble_during_moderation_leaves_the_change_to_the_queue(posts, groep, beheerder, settings):
    """Elasticsearch unreachable: hiding still succeeds, and the queue keeps the work."""
    from search.backend import _client
    from search.models import IndexQueue

    topic, _reply = posts
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:21199"  # nothing listens here (own port range)
    _client.cache_clear()
    try:
        response = client_for(beheerder).post(
            f"/themagroepen/{groep.slug}/discussies/{topic.pk}/moderatie/", {"actie": "verbergen"}
        )
    finally:
        _client.cache_clear()
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.hidden
    assert IndexQueue.objects.filter(model_label="discussies.topic", object_pk=str(topic.pk)).exists()
