"""Vergelijkbare voorbeelden on voorbeeld and chapter pages, with both engines.

The demo's voorbeelden plus a few written for the test: a case telling nearly the same story as
the Amersfoort case (the most similar one), and two identical neutral texts that differ only in
what they share with it (instruments, vastgoedtype, province). Every test reads the page as a
visitor does and runs against the embedded engine and the real Elasticsearch.
"""

import json
import re
import socket
from html import unescape

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from kennisbank.models import Gemeente, HandreikingIndexPage, HandreikingPage, HoofdstukPage, VoorbeeldPage
from kennisplatform import access
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

AMERSFOORT = "kantoorkolos-amersfoort-wordt-woongebouw"
TWIN = "Leeg kantoor bij het station wordt huurwoningen"
TWIN_TEXT = dict(
    summary="Een jaren leegstaand kantoor naast het station kreeg na bemiddeling door de kantorenloods honderd huurwoningen.",
    situation="<p>Het kantoor stond zes jaar leeg. De eigenaar zag geen huurders meer komen en wist niet hoe hij een transformatie door de procedures moest loodsen.</p>",
    approach="<p>De kantorenloods bracht de eigenaar, een woningcorporatie en de afdeling vergunningen aan één tafel.</p>",
    result="<p>Binnen twee jaar waren de huurwoningen opgeleverd en het plein opgeknapt.</p>",
)
NEUTRAL = dict(
    summary="Een pand aan de rand van het dorp kreeg een nieuwe bestemming.",
    approach="<p>Overleg leidde tot een plan.</p>",
)
SECTION = "Vergelijkbare voorbeelden"


@pytest.fixture(autouse=True)
def _patient_reader(settings):
    # These tests are about ranking: on the shared, loaded test machine Elasticsearch sometimes
    # needs more than the readers' 0.4 s, and a fallback would be a different test.
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = 5


def _voorbeeld(index, slug, title, gemeente, property_type, instrumenten=(), **text):
    page = VoorbeeldPage(
        slug=slug,
        title=title,
        gemeente=Gemeente.objects.get(cbs_code=gemeente),
        property_type=property_type,
        **text,
    )
    page.instrumenten.set(list(instrumenten))
    index.add_child(instance=page)
    return page


def _demo_voorbeelden(home_page):
    """The demo's instruments and voorbeelden, without revisions (which the test does not need)."""
    from kennisbank import demo_content
    from kennisbank.demo import _ensure_child
    from kennisbank.models import InstrumentIndexPage, InstrumentPage, VoorbeeldIndexPage

    instruments_index, _ = _ensure_child(home_page, InstrumentIndexPage, "instrumenten", False, title="Instrumenten")
    instruments = {
        slug: _ensure_child(instruments_index, InstrumentPage, slug, False, title=title, kind=kind, summary=summary)[0]
        for slug, (title, kind, summary, *_rest) in demo_content.INSTRUMENTEN.items()
    }
    index, _ = _ensure_child(home_page, VoorbeeldIndexPage, "voorbeelden", False, title="Voorbeelden")
    voorbeelden = {}
    for slug, data in demo_content.VOORBEELDEN.items():
        data = {k: v for k, v in data.items() if k not in ("contact", "location", "themas")}
        used = [instruments[s] for s in data.pop("instrumenten")]
        voorbeelden[slug] = _voorbeeld(
            index, slug, data.pop("title"), data.pop("gemeente"), data.pop("property_type"), used, **data
        )
    return instruments, voorbeelden


@pytest.fixture
def cases(reference_data, home_page):
    instruments, voorbeelden = _demo_voorbeelden(home_page)
    index = voorbeelden[AMERSFOORT].get_parent()
    # Same story, another province, another kind of building, no instrument in common:
    # only the text makes it the most similar.
    twin = _voorbeeld(index, "twin", TWIN, "GM0363", "maatschappelijk", **TWIN_TEXT)
    # Equal texts; one shares instruments, vastgoedtype and province with Amersfoort's case.
    alike = _voorbeeld(
        index,
        "alike",
        "Pand met dezelfde instrumenten",
        "GM0356",
        "kantoor",
        [instruments["kantorenloods"], instruments["omgevingsplan-aanpassen"]],
        **NEUTRAL,
    )
    unlike = _voorbeeld(index, "unlike", "Pand zonder gedeelde kenmerken", "GM0014", "agrarisch", **NEUTRAL)
    return dict(voorbeelden, twin=twin, alike=alike, unlike=unlike, instruments=instruments, index=index)


def _section(html: str) -> str:
    match = re.search(r'<section class="kb-similar".*?</section>', html, re.S)
    return match.group(0) if match else ""


def _similar_titles(client, page) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    return [
        unescape(title)
        for title in re.findall(r'<h3 class="kb-card__title"><a [^>]*>(.*?)</a>', _section(response.content.decode()))
    ]


def test_the_case_telling_the_same_story_comes_first(client, cases, engine):
    engine()
    titles = _similar_titles(client, cases[AMERSFOORT])
    assert titles[0] == TWIN
    assert len(titles) == 4 and cases[AMERSFOORT].title not in titles  # never the page itself


def test_shared_instruments_vastgoedtype_and_province_count(cases, engine):
    """Two equal texts: the one sharing instruments, vastgoedtype and province ranks, the other not."""
    engine()
    ranked = _ranked(cases[AMERSFOORT], 12)
    assert cases["alike"].pk in ranked
    assert cases["unlike"].pk not in ranked


def test_the_section_is_an_accessible_list_under_its_own_heading(client, cases, engine):
    engine()
    html = client.get(cases[AMERSFOORT].url).content.decode()
    section = _section(html)
    assert '<h2 id="vergelijkbare-voorbeelden">Vergelijkbare voorbeelden</h2>' in section
    assert section.count('<li class="kb-card">') == 4 and "<ul" in section
    headings = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))  # no level skipped


def _restrict_to_group(page, themagroep):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([themagroep.auth_group])


@pytest.fixture
def groups(db):
    from themagroepen.models import Membership, Themagroep

    groep = Themagroep.objects.create(name="Leegstand en herbestemmen", slug="leegstand", visibility="besloten")
    andere = Themagroep.objects.create(name="Gebiedsgericht werken", slug="gebied", visibility="besloten")
    users = {
        "lid": make_verified_user("lid@gemeente.example"),
        "lid-andere-groep": make_verified_user("ander@gemeente.example"),
        "niet-lid": make_verified_user("buiten@gemeente.example"),
    }
    Membership.objects.create(themagroep=groep, user=users["lid"])
    Membership.objects.create(themagroep=andere, user=users["lid-andere-groep"])
    return groep, users


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["anoniem", "niet-lid", "lid-andere-groep", "lid"])
def test_a_group_only_voorbeeld_appears_only_for_the_group(client, cases, groups, engine, role):
    groep, users = groups
    _restrict_to_group(cases["twin"], groep)
    engine()
    titles = _similar_titles(_as(client, users.get(role)), cases[AMERSFOORT])
    assert (TWIN in titles) is (role == "lid")
    if role == "lid":
        assert titles[0] == TWIN


def test_an_unpublished_voorbeeld_appears_for_nobody(client, cases, groups, engine):
    _groep, users = groups
    cases["twin"].unpublish(log_action=False)
    engine()
    for user in [None, *users.values()]:
        assert TWIN not in _similar_titles(_as(client, user), cases[AMERSFOORT])


def test_a_voorbeeld_closed_after_indexing_and_caching_is_not_shown(client, cases, groups, engine):
    """The index and the cached ranking still call it public; access has the last word."""
    groep, users = groups
    engine()
    assert _similar_titles(client, cases[AMERSFOORT])[0] == TWIN  # ranked and cached
    _restrict_to_group(cases["twin"], groep)
    assert TWIN not in _similar_titles(client, cases[AMERSFOORT])
    cases["alike"].unpublish(log_action=False)
    assert "Pand met dezelfde instrumenten" not in _similar_titles(client, cases[AMERSFOORT])


def _chapter(home_page, cases):
    index = home_page.add_child(instance=HandreikingIndexPage(title="Handreiking", slug="handreiking"))
    handreiking = index.add_child(instance=HandreikingPage(title="Leegstand te lijf", slug="leegstand-te-lijf"))
    body = [
        {"type": "section", "value": {"heading": "Meldplicht", "anchor": ""}},
        {
            "type": "text",
            "value": "<p>Met een leegstandverordening wijst de raad kantoorlocaties aan waar een meldplicht "
            "geldt. Eigenaren melden langdurig lege kantoren; elke melding leidt tot een gesprek met de eigenaar "
            "en de registratie geeft zicht op leegstand.</p>",
        },
        {"type": "section", "value": {"heading": "Gesprekken", "anchor": "gesprekken"}},
        {"type": "text", "value": "<p>Het gesprek met eigenaren komt vóór dwingende instrumenten.</p>"},
        {
            "type": "cases",
            "value": {"title": "Zo deed Heerlen het", "cases": [cases["heerlen-compacte-binnenstad"].pk]},
        },
    ]
    return handreiking.add_child(
        instance=HoofdstukPage(title="De leegstandverordening", slug="verordening", body=json.dumps(body))
    )


def test_a_chapter_shows_the_voorbeelden_closest_to_its_text(client, cases, home_page, engine):
    chapter = _chapter(home_page, cases)
    engine()
    titles = _similar_titles(client, chapter)
    assert titles[0] == "Meldplicht voor langdurig lege kantoren"  # Apeldoorn's leegstandverordening
    # The case the chapter itself shows is not repeated below it.
    assert "Compacte binnenstad met minder winkelmeters" not in titles


def _official(cbs_code, email):
    from accounts.models import Organisation, Profile

    gemeente = Gemeente.objects.get(cbs_code=cbs_code)
    organisation = Organisation.objects.filter(gemeente=gemeente).first() or Organisation.objects.create(
        name=f"Gemeente {gemeente.name}", kind="gemeente", gemeente=gemeente
    )
    user = make_verified_user(email)
    Profile.objects.update_or_create(user=user, defaults={"organisation": organisation})
    return user


def _cards(client, page):
    section = _section(client.get(page.url).content.decode())
    cards = re.findall(r'<li class="kb-card">(.*?)</li>', section, re.S)
    result = []
    for card in cards:
        title = unescape(re.search(r"<a [^>]*>(.*?)</a>", card).group(1))
        like = re.search(r'<p class="kb-similar__like"><strong>Gemeente zoals de uwe:</strong> (.*?)</p>', card)
        result.append((title, like.group(1) if like else ""))
    return section, result


ALMELO = dict(
    summary="Een leeg kantoor in het centrum werd na gesprekken met de eigenaar omgebouwd tot woningen.",
    approach="<p>De kantorenloods hielp de eigenaar met de procedures voor de transformatie.</p>",
)


def test_gemeenten_like_mine_come_first_for_an_official(client, cases, engine):
    # Almelo: Overijssel, 50.000-100.000 inwoners, like Hengelo.
    _voorbeeld(cases["index"], "almelo", "Kantoor in Almelo wordt woningen", "GM0141", "kantoor", **ALMELO)
    engine()
    client.logout()
    anonymous = [title for title, _reason in _cards(client, cases[AMERSFOORT])[1]]
    assert anonymous[0] == TWIN
    assert "Gemeenten zoals de uwe" not in client.get(cases[AMERSFOORT].url).content.decode()

    client.force_login(_official("GM0164", "ambtenaar@hengelo.example"))
    section, cards = _cards(client, cases[AMERSFOORT])
    assert "Gemeenten zoals de uwe staan bovenaan" in section
    assert "Hengelo (O.) (50.000 tot 100.000 inwoners" in section and "provincie Overijssel" in section
    assert cards[0] == ("Kantoor in Almelo wordt woningen", "zelfde grootteklasse en zelfde provincie")
    # Then gemeenten of the same size (Nieuwegein, Heerlen, ...) or province, before the rest:
    # the twin from Amsterdam, first for everyone else, makes way.
    assert all(reason in {"zelfde grootteklasse", "zelfde provincie"} for _title, reason in cards[1:])
    assert TWIN not in [title for title, _reason in cards]


def test_an_official_of_a_gemeente_of_unknown_size_gets_the_province_only(client, cases, engine):
    _voorbeeld(cases["index"], "almelo", "Kantoor in Almelo wordt woningen", "GM0141", "kantoor", **ALMELO)
    engine()
    assert Gemeente.objects.get(cbs_code="GM0150").inwoners is None  # Deventer: near 100,000, left out
    client.force_login(_official("GM0150", "ambtenaar@deventer.example"))
    section, cards = _cards(client, cases[AMERSFOORT])
    assert "Het inwonertal van Deventer is hier niet bekend" in section
    assert cards[0] == ("Kantoor in Almelo wordt woningen", "zelfde provincie")
    assert "zelfde grootteklasse" not in section


@pytest.mark.elasticsearch
def test_elasticsearch_down_gives_the_embedded_similarity_and_no_error_page(client, cases, es_index, settings):
    from search import indexing

    indexing.rebuild()
    indexing.rebuild_embedded()
    assert _similar_titles(client, cases[AMERSFOORT])[0] == TWIN
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed.getsockname()[1]}"
        cache.clear()
        response = client.get(cases["nieuwegein-studios-in-kantorenpark"].url)
        assert response.status_code == 200
        assert SECTION in response.content.decode()
        assert _similar_titles(client, cases[AMERSFOORT])[0] == TWIN


def _ranked(page, size, keys=frozenset({access.PUBLIC})):
    from kennisbank.similar import like_for
    from search.similar import similar_voorbeelden

    answer = similar_voorbeelden(like_for(page), keys, size)
    assert not answer.fallback
    return answer.page_ids


def test_the_search_layer_ranks_voorbeelden_only_and_never_the_page_itself(cases, home_page, engine):
    chapter = _chapter(home_page, cases)
    engine()
    ranked = _ranked(cases[AMERSFOORT], 20)
    assert ranked[0] == cases["twin"].pk and cases[AMERSFOORT].pk not in ranked
    assert set(ranked) <= set(VoorbeeldPage.objects.values_list("pk", flat=True))  # no chapter, no instrument
    assert chapter.pk not in _ranked(chapter, 20)


def test_the_section_costs_a_few_queries_and_fewer_once_cached(cases, engine):
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kennisbank.similar import similar_for

    engine()
    page = VoorbeeldPage.objects.select_related("gemeente__provincie").get(pk=cases[AMERSFOORT].pk)
    with CaptureQueriesContext(connection) as cold:
        first = similar_for(page, AnonymousUser())
    with CaptureQueriesContext(connection) as warm:
        again = similar_for(page, AnonymousUser())
    assert [item.page.pk for item in again.items] == [item.page.pk for item in first.items]
    # Cold: the page's instruments, the engine (embedded: readable ids and entries), then the
    # access module's page filter; cached: only the access module's page filter.
    print(f"\nsimilar section queries: cold {len(cold)}, cached {len(warm)}")
    assert len(cold) <= 7 and len(warm) <= 4, (len(cold), len(warm))


def test_both_engines_rank_only_what_the_held_keys_may_read(cases, groups, engine):
    """The ranking itself carries the search's permission filter (the page's access check comes on top)."""
    groep, users = groups
    _restrict_to_group(cases["twin"], groep)
    engine()
    twin = cases["twin"].pk
    assert twin not in _ranked(cases[AMERSFOORT], 20)
    assert twin not in _ranked(cases[AMERSFOORT], 20, access.held_keys(users["lid-andere-groep"]))
    assert _ranked(cases[AMERSFOORT], 20, access.held_keys(users["lid"]))[0] == twin
