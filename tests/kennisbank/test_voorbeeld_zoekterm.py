"""A zoekterm on the voorbeelden index (issue 16.14): searched through the search service with
the reader's keys, combined with the filters, sorted by relevance; on both engines."""

import os
import uuid

import pytest
from bs4 import BeautifulSoup

from kennisbank.models import VoorbeeldPage

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request, settings):
    """The embedded engine or a private index on the real Elasticsearch; returns the reindex."""
    from search import indexing

    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        yield indexing.rebuild_embedded
        return
    from search.backend import get_client

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix = f"test-{uuid.uuid4().hex[:10]}"
    yield indexing.rebuild
    client = get_client()
    for name in client.indices.get(index=f"{prefix}-*", allow_no_indices=True):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def cases(kb, engine):
    texts = {
        kb.utrecht: ("Leegstaand kantoor wordt woningen", 2019),
        kb.heerlen: ("Wonen boven de winkel in de binnenstad", 2023),
        kb.leeuwarden: ("Kerk herbestemd tot bibliotheek", 2021),
        kb.besloten: ("Kantoren omgebouwd tot woningen in Apeldoorn", 2020),
    }
    for page, (summary, year) in texts.items():
        VoorbeeldPage.objects.filter(pk=page.pk).update(summary=summary, year=year)
    engine()
    return kb


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text() for a in html.select(".kb-card__title a")]


def sort_values(html):
    return [option["value"] for option in html.select("#sortering option")]


def test_a_term_finds_cases_by_relevance_and_relevance_is_the_default(client, cases):
    html = soup(client.get("/voorbeelden/?q=kantoor+woningen"))

    # All words (Utrecht) before some (Heerlen: "wonen" shares the stem); the church has neither.
    assert titles(html) == ["Kantoor in Utrecht", "Winkel in Heerlen"]
    assert html.select_one("#sortering option[selected]")["value"] == "relevantie"
    assert sort_values(html) == ["relevantie", "nieuwste", "gemeente"]
    assert html.select_one("#zoekterm")["value"] == "kantoor woningen"
    # The sort form carries the term along; pagination and removal links too.
    assert ("q", "kantoor woningen") in [(i["name"], i["value"]) for i in html.select(".kb-sort input[type=hidden]")]

    newest = soup(client.get("/voorbeelden/?q=kantoor+woningen&sortering=nieuwste"))
    assert titles(newest) == ["Winkel in Heerlen", "Kantoor in Utrecht"]
    assert newest.select_one(".kb-filters input[name=sortering]")["value"] == "nieuwste"


def test_a_term_combines_with_the_filters_and_their_counts(client, cases):
    html = soup(client.get("/voorbeelden/?q=kantoor+woningen&provincie=limburg"))

    assert titles(html) == ["Winkel in Heerlen"]
    labels = [label.get_text() for label in html.select(".kb-filters input[name=provincie] + label")]
    assert labels == ["Limburg (1)", "Utrecht (1)"]  # counts within the term's matches


def test_a_term_finds_only_what_the_reader_may_read(client, cases, verified_user):
    assert "Besloten voorbeeld Apeldoorn" not in titles(soup(client.get("/voorbeelden/?q=woningen")))

    client.force_login(verified_user)
    assert "Besloten voorbeeld Apeldoorn" in titles(soup(client.get("/voorbeelden/?q=woningen")))


def test_without_a_term_relevance_is_not_offered_and_asking_for_it_says_why(client, cases):
    html = soup(client.get("/voorbeelden/?sortering=relevantie"))

    assert "Sorteren op relevantie kan alleen met een zoekterm. De voorbeelden staan op nieuwste eerst." in (
        html.get_text()
    )
    assert sort_values(html) == ["nieuwste", "gemeente"]
    assert html.select_one("#sortering option[selected]")["value"] == "nieuwste"
    assert titles(html) == ["Winkel in Heerlen", "Kerk in Leeuwarden", "Kantoor in Utrecht"]


def test_a_term_and_filters_without_results_keep_a_one_click_way_out(client, cases):
    html = soup(client.get("/voorbeelden/?q=bibliotheek&provincie=utrecht"))

    assert html.find(id="resultaten").get_text(strip=True) == "0 voorbeelden"
    assert html.select_one("#zoekterm")["value"] == "bibliotheek"
    assert [box["value"] for box in html.select(".kb-filters input[name=provincie][checked]")] == ["utrecht"]
    links = {a.get_text(strip=True): a["href"] for a in html.find(class_="kb-no-results").find_all("a")}
    assert links["Zoekterm: ‘bibliotheek’ weglaten"] == "/voorbeelden/?provincie=utrecht"
    assert links["Provincie: Utrecht weglaten"] == "/voorbeelden/?q=bibliotheek"
    assert titles(soup(client.get(links["Provincie: Utrecht weglaten"]))) == ["Kerk in Leeuwarden"]


def test_a_term_that_matches_nothing_says_so(client, cases):
    html = soup(client.get("/voorbeelden/?q=zwembad"))

    assert html.find(id="resultaten").get_text(strip=True) == "0 voorbeelden"
    way_out = html.find(class_="kb-no-results")
    assert "Geen voorbeelden met deze zoekterm" in way_out.get_text()
    assert {a.get_text(strip=True) for a in way_out.find_all("a")} == {
        "Zoekterm: ‘zwembad’ weglaten",
        "Alle filters wissen",
    }
