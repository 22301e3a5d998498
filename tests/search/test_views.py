"""The search page and the JSON API: one query builder, facets, paging, escaping, fallback."""

import pytest
from bs4 import BeautifulSoup

from tests.search.content import build_world

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _make_topics(world, count, title="Leegstand in het centrum"):
    from themagroepen.discussies.models import Topic

    for n in range(count):
        Topic.objects.create(
            themagroep=world.groep_a,
            title=f"{title} {n}",
            slug=f"t{n}",
            body="Winkelleegstand in de binnenstad.",
            html="<p>Winkelleegstand in de binnenstad.</p>",
        )


def test_page_shows_results_facets_and_pagination(client, world_member, engine):
    world, member = world_member
    _make_topics(world, 12)
    engine()
    client.force_login(member)
    soup = _soup(client.get("/zoeken/", {"q": "binnenstad"}))
    assert soup.find("h2", id="resultaten-kop").get_text(" ", strip=True).startswith("12 resultaten")
    assert len(soup.select(".zoeken-hit")) == 10
    soort = soup.find("legend", string="Soort").find_parent("fieldset")
    assert "Discussie" in soort.get_text() and "(12" in soort.get_text()
    page2 = _soup(client.get("/zoeken/", {"q": "binnenstad", "pagina": 2}))
    assert len(page2.select(".zoeken-hit")) == 2
    assert page2.select_one(".zoeken-lijst")["start"] == "11"


def test_filters_combine_and_facets_count_under_them(client, world_member, engine):
    world, member = world_member
    engine()
    client.force_login(member)
    everything = client.get("/api/zoeken/", {"q": "kantorentransformatie"}).json()
    assert {h["type"] for h in everything["results"]} == {"discussie", "bijeenkomst"}
    only_meetings = client.get("/api/zoeken/", {"q": "kantorentransformatie", "type": "bijeenkomst"}).json()
    assert {h["type"] for h in only_meetings["results"]} == {"bijeenkomst"}
    # Multi-select: the type facet still offers the other types with their counts.
    counts = {v["value"]: (v["count"], v["selected"]) for v in only_meetings["facets"]["type"]["values"]}
    assert counts["bijeenkomst"] == (1, True) and counts["discussie"][0] == 2
    both = client.get(
        "/api/zoeken/", {"q": "kantorentransformatie", "type": ["bijeenkomst", "discussie"], "jaar": "1999"}
    ).json()
    assert both["total"] == 0  # filters across facets combine (AND)


def test_sort_by_date_puts_newest_first(client, world_member, engine):
    world, member = world_member
    engine()
    client.force_login(member)
    dates = [
        h["date"] for h in client.get("/api/zoeken/", {"q": "kantorentransformatie", "sort": "datum"}).json()["results"]
    ]
    assert dates == sorted(dates, reverse=True)


def test_snippets_escape_content_but_keep_highlights(client, world_member, engine):
    from themagroepen.discussies.models import Topic

    world, member = world_member
    Topic.objects.create(
        themagroep=world.groep_a,
        title="Scriptvraag <script>alert(1)</script>",
        slug="s",
        body="<img src=x onerror=alert(1)> over leegstandverordening",
        html="<p>&lt;img src=x onerror=alert(1)&gt; over leegstandverordening</p>",
    )
    engine()
    client.force_login(member)
    soup = _soup(client.get("/zoeken/", {"q": "Scriptvraag leegstandverordening"}))
    hit = next(li for li in soup.select(".zoeken-hit") if "Scriptvraag" in li.get_text())
    assert not hit.find("script") and not hit.find("img")
    assert "<script>" in hit.get_text() or "<img" in hit.get_text()
    assert hit.find("mark")


def test_zero_results_page_helps(client, world_member, engine):
    engine()
    soup = _soup(client.get("/zoeken/", {"q": "xyzzyqwerty"}))
    assert "Geen resultaten" in soup.find("h2", id="resultaten-kop").get_text()
    tips = soup.select_one(".zoeken-leeg")
    assert "controleer de spelling" in tips.get_text()
    assert tips.find("a", href="/themagroepen/")
    assert tips.find("a", string="inloggen")


def test_empty_search_page_explains_what_can_be_found(client, db):
    soup = _soup(client.get("/zoeken/"))
    assert soup.find("form", attrs={"role": "search"})
    assert not soup.select(".zoeken-hit")


def test_configured_but_unreachable_elasticsearch_falls_back_to_the_database(client, world_member, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens here
    settings.ELASTICSEARCH_TIMEOUT = 1
    from search import indexing

    world, member = world_member
    indexing.rebuild_embedded()
    client.force_login(member)
    soup = _soup(client.get("/zoeken/", {"q": "kantorentransformatie"}))
    assert "De zoekmachine is tijdelijk niet bereikbaar; u ziet resultaten uit de database." in soup.get_text()
    assert "Kantorentransformatie in Amersfoort" in soup.get_text()
    data = client.get("/api/zoeken/", {"q": "kantorentransformatie"}).json()
    assert data["engine"] == "database" and data["notice"]


def test_type_ahead_needs_two_characters(client, db):
    assert client.get("/api/zoeken/suggesties/", {"q": "k"}).json()["suggestions"] == []


@pytest.fixture
def world_member(db):
    world = build_world()
    return world, world.users["lid"]


def test_facet_counts_say_resultaat_for_one():
    from types import SimpleNamespace

    from bs4 import BeautifulSoup
    from django.template.loader import render_to_string

    facet = SimpleNamespace(
        param="type",
        label="Soort",
        values=[
            SimpleNamespace(value="discussie", label="Discussie", count=1, selected=False),
            SimpleNamespace(value="voorbeeld", label="Voorbeeld", count=2, selected=False),
        ],
    )
    html = render_to_string(
        "search/_facetten.html", {"results": SimpleNamespace(facets=[facet]), "params": SimpleNamespace(q="")}
    )
    labels = [label.get_text(" ", strip=True) for label in BeautifulSoup(html, "html.parser").select("label")]
    assert labels == ["Discussie (1 resultaat )", "Voorbeeld (2 resultaten )"]
