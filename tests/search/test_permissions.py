"""Nobody finds what they may not read: not in results, snippets, facet counts or suggestions.

Runs against the database fallback and against the real Elasticsearch (same expectations).
"""

import pytest

from tests.search.content import build_world

pytestmark = pytest.mark.django_db

TOPIC_A = "Kantorentransformatie in Amersfoort"
REPLY_A = "Reactie op: Kantorentransformatie in Amersfoort"
MEETING_A = "Werkbezoek kantorentransformatie Amersfoort"
TOPIC_B = "Kantorentransformatie in Zwolle"
PUBLIC_MEETING = "Webinar leegstandverordening"
HIDDEN_GROUP = "Werkgroep kantorenloodsen"

# role -> titles found for "kantorentransformatie"
EXPECTED = {
    "anoniem": set(),
    "niet-lid": set(),
    "lid": {TOPIC_A, REPLY_A, MEETING_A},
    "lid-andere-groep": {TOPIC_B},
    "lid-verborgen-groep": set(),
    "beheerder": {TOPIC_A, REPLY_A, MEETING_A, TOPIC_B},
}


@pytest.fixture
def world(engine):
    world = build_world()
    engine()
    return world


def _as(client, world, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _search(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200
    return response.json()


def _titles(data):
    return {hit["title"].replace("<mark>", "").replace("</mark>", "") for hit in data["results"]}


@pytest.mark.parametrize("role", EXPECTED)
def test_results_snippets_and_facets_respect_membership(client, world, role):
    data = _search(_as(client, world, role), q="kantorentransformatie")
    assert _titles(data) == EXPECTED[role]
    type_counts = {v["value"]: v["count"] for v in data["facets"]["type"]["values"]}
    expected_discussions = sum(1 for t in EXPECTED[role] if t.startswith(("Kantorentransformatie in", "Reactie")))
    assert type_counts.get("discussie", 0) == expected_discussions
    # The group-only word never shows up in what an outsider receives.
    if TOPIC_A not in EXPECTED[role]:
        assert "blauwdrukprocedure" not in str(data["results"])
        secret = _search(client, q="blauwdrukprocedure")
        assert secret["total"] == 0 and secret["results"] == [] and secret["facets"]["type"]["values"] == []


@pytest.mark.parametrize("role", EXPECTED)
def test_type_ahead_shows_only_readable_titles(client, world, role):
    data = (
        client.get("/api/zoeken/suggesties/", {"q": "Kantorentransformatie in"}).json()
        if role == "anoniem"
        else (_as(client, world, role).get("/api/zoeken/suggesties/", {"q": "Kantorentransformatie in"}).json())
    )
    titles = {s["title"] for s in data["suggestions"]}
    assert titles == {t for t in EXPECTED[role] if "Kantorentransformatie in" in t}


@pytest.mark.parametrize("role", ["anoniem", "niet-lid", "lid-andere-groep"])
def test_outsiders_get_no_spelling_suggestion_from_group_content(client, world, role):
    data = _search(_as(client, world, role), q="blauwdrukprocedur")
    assert data["total"] == 0
    assert not data["suggestion"]


def test_public_announcement_is_found_by_everyone(client, world):
    assert PUBLIC_MEETING in _titles(_search(client, q="leegstandverordening"))


def test_hidden_group_is_found_only_by_its_members(client, world):
    assert HIDDEN_GROUP not in _titles(_search(client, q="kantorenloodsen"))
    assert HIDDEN_GROUP not in _titles(_search(_as(client, world, "lid"), q="kantorenloodsen"))
    client.logout()
    assert HIDDEN_GROUP in _titles(_search(_as(client, world, "lid-verborgen-groep"), q="kantorenloodsen"))


def test_leaving_a_group_hides_its_content_at_once_without_reindexing(client, world):
    from themagroepen.models import Membership

    member = _as(client, world, "lid")
    assert TOPIC_A in _titles(_search(member, q="kantorentransformatie"))
    Membership.objects.filter(user=world.users["lid"], themagroep=world.groep_a).delete()
    data = _search(member, q="kantorentransformatie")
    assert _titles(data) == set()
    assert "discussie" not in {v["value"] for v in data["facets"]["type"]["values"]}
    assert client.get("/api/zoeken/suggesties/", {"q": "Kantorentransformatie"}).json()["suggestions"] == []
