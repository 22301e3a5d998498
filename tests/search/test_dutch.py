"""Dutch as officials type it, against both engines (embedded full-text index and Elasticsearch):
tiers instead of all-or-nothing, verb forms, compounds, synonyms and place names per word,
typos with a correction that can be undone, snippets escaped once with whole-word highlights."""

from html import unescape

import pytest
from bs4 import BeautifulSoup

from tests.search.content import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, engine, seeded_synonyms):
    """A member of the group that holds the topics below; returns ``add(title, body)`` and
    ``search(q, **params)``."""
    world = build_world()
    client.force_login(world.users["lid"])

    def add(title, body, html=""):
        from themagroepen.discussies.models import Topic

        Topic.objects.create(
            themagroep=world.groep_a, title=title, slug=f"t{Topic.objects.count()}", body=body, html=html
        )

    def search(q, **params):
        return client.get("/api/zoeken/", {"q": q, **params}).json()

    return add, engine, search


def _titles(data):
    return [unescape(hit["title"].replace("<mark>", "").replace("</mark>", "")) for hit in data["results"]]


def test_one_word_in_another_form_still_finds_the_text(member):
    add, reindex, search = member
    add("Winkels in de Kruisstraat", "Zes kleine winkels zijn samengevoegd tot drie grotere winkelunits.")
    add("Winkels in de Langstraat", "De winkels staan leeg.")
    reindex()
    titles = _titles(search("winkels samenvoegen"))
    # All words (in any form) first; documents with only "winkels" below, not dropped.
    assert titles[0] == "Winkels in de Kruisstraat"
    assert "Winkels in de Langstraat" in titles


def test_verb_forms_participles_and_nouns_meet_in_both_directions(member):
    add, reindex, search = member
    add("Herenhuizen gesplitst", "Drie herenhuizen zijn gesplitst in appartementen.")
    add("Beleid voor splitsen", "Regels voor het splitsen van woningen.")
    reindex()
    for q in ("splitsing", "gesplitst", "splitsen"):
        assert set(_titles(search(q))) >= {"Herenhuizen gesplitst", "Beleid voor splitsen"}, q


def test_compounds_split_automatically_at_index_and_query_time(member):
    add, reindex, search = member
    add("Een kortere winkelstraat", "Het college maakt de winkelstraat korter.")
    add("Sporthal in de bedrijfshallen", "Een lege bedrijfshal wordt een sporthal.")
    add("Straat met lege panden", "In deze straat staan winkels leeg.")
    reindex()
    assert "Een kortere winkelstraat" in _titles(search("winkel"))  # part finds the compound
    assert "Sporthal in de bedrijfshallen" in _titles(search("bedrijf hal"))  # parts apart find it
    assert _titles(search("winkelstraat"))[0] == "Een kortere winkelstraat"
    # The compound in the query also finds its parts written apart, below the compound itself.
    assert "Straat met lege panden" in _titles(search("winkelstraat"))


def test_place_aliases_and_synonyms_from_the_cms_work_at_once_for_every_word(member):
    from search.models import Synoniemgroep

    add, reindex, search = member
    add("Wonen boven winkels in 's-Gravenhage", "De gemeente 's-Gravenhage stimuleert wonen boven winkels.")
    add("Voormalig klooster", "Het klooster is verbouwd tot woningen.")
    reindex()
    assert _titles(search("den haag"))[0] == "Wonen boven winkels in 's-Gravenhage"
    assert "Voormalig klooster" not in _titles(search("abdij"))
    Synoniemgroep.objects.create(termen="abdij, klooster")  # an editor's change, no reindex
    # Every word of the query is expanded, not just the first group.
    titles = _titles(search("den haag abdij"))
    assert {"Wonen boven winkels in 's-Gravenhage", "Voormalig klooster"} <= set(titles)


def test_typo_is_corrected_with_a_link_back_to_the_literal_query(client, member):
    add, reindex, search = member
    add("Kerkenvisie van de gemeente", "In de kerkenvisie staat welke kerken open blijven.")
    reindex()
    data = search("kerkenvsie")
    assert data["corrected_query"] == "kerkenvisie"
    assert _titles(data) == ["Kerkenvisie van de gemeente"]
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "kerkenvsie"}).content, "html.parser")
    notice = soup.select_one(".zoeken-suggestie")
    assert "U ziet resultaten voor ‘kerkenvisie’" in notice.get_text()
    literal = notice.find("a")["href"]
    assert "letterlijk=1" in literal and "q=kerkenvsie" in literal
    literal_data = search("kerkenvsie", letterlijk="1")
    assert literal_data["corrected_query"] is None


def test_a_rare_correct_word_is_not_corrected(member):
    add, reindex, search = member
    add("Meldplicht", "De meldplicht geldt voor eigenaren.")
    reindex()
    data = search("meldplicht")
    assert data["corrected_query"] is None and _titles(data) == ["Meldplicht"]


def test_snippets_are_escaped_once_and_highlight_whole_words(member):
    add, reindex, search = member
    add("Kantorenloods en de regels", "", html="<p>Regel a &lt; b geldt; de kantorenloods helpt eigenaren.</p>")
    reindex()
    hit = next(h for h in search("kantorenloods")["results"] if "regels" in h["title"])
    assert "&amp;lt;" not in hit["snippet"] and "a &lt; b" in hit["snippet"]
    assert "<mark>kantorenloods</mark>" in hit["snippet"]
    assert "<mark>Kantorenloods</mark> en de regels" == hit["title"]


def test_embedded_index_has_no_cap_per_type(database_search, client):
    from kennisplatform import access
    from search import embedded
    from search.documents import SearchDocument

    documents = [
        SearchDocument(
            id=f"bulk:{n}",
            model="bulk.document",
            object_pk=str(n),
            type="publicatie",
            title=f"Publicatie {n}",
            url=f"/bulk/{n}/",
            read_keys=frozenset({access.PUBLIC}),
            body="Over leegstand." + (" Een zeldzaam woord: watertoren." if n == 2999 else ""),
        )
        for n in range(3000)
    ]
    assert embedded.rebuild(documents) == 3000
    data = client.get("/api/zoeken/", {"q": "watertoren"}).json()
    assert [h["url"] for h in data["results"]] == ["/bulk/2999/"]
    assert client.get("/api/zoeken/", {"q": "leegstand"}).json()["total"] == 3000


def test_the_queue_keeps_the_embedded_index_fresh(database_search, client, django_capture_on_commit_callbacks):
    from themagroepen.discussies.models import Topic

    world = build_world()
    client.force_login(world.users["lid"])
    with django_capture_on_commit_callbacks(execute=True):
        topic = Topic.objects.create(
            themagroep=world.groep_a, title="Watertoren als woonhuis", slug="w", body="Een nieuwe functie.", html=""
        )
    assert _titles(client.get("/api/zoeken/", {"q": "watertorens"}).json()) == ["Watertoren als woonhuis"]
    with django_capture_on_commit_callbacks(execute=True):
        topic.delete()
    assert client.get("/api/zoeken/", {"q": "watertorens"}).json()["total"] == 0
