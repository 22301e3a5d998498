"""The voorbeelden index as a visitor uses it: several values per filter, sorting, odd input."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text() for a in html.select(".kb-card__title a")]


def checked(html, name):
    return [box["value"] for box in html.select(f".kb-filters input[name={name}][checked]")]


def test_several_values_in_one_filter_give_either_and_stay_checked(client, kb):
    html = soup(client.get("/voorbeelden/?provincie=utrecht&provincie=limburg"))

    assert sorted(titles(html)) == ["Kantoor in Utrecht", "Winkel in Heerlen"]
    assert html.find(id="resultaten").get_text(strip=True) == "2 voorbeelden"
    assert checked(html, "provincie") == ["limburg", "utrecht"]
    # The provincie facet counts without its own filter, so Fryslân still says what it would add.
    labels = [label.get_text() for label in html.select(".kb-filters input[name=provincie] + label")]
    assert labels == ["Fryslân (1)", "Limburg (1)", "Utrecht (1)"]


def test_values_of_different_filters_must_all_hold(client, kb):
    html = soup(client.get("/voorbeelden/?provincie=utrecht&provincie=limburg&thema=erfgoed"))

    assert titles(html) == ["Winkel in Heerlen"]
    # Counts in the thema facet follow the two provinces: Kantoren only in Utrecht.
    assert [label.get_text() for label in html.select(".kb-filters input[name=thema] + label")] == [
        "Erfgoed (1)",
        "Kantoren (1)",
    ]


def test_two_themes_count_a_case_that_has_both_once(client, kb):
    from kennisbank.models import Thema

    kb.utrecht.themas.add(Thema.objects.get(slug="erfgoed"))
    html = soup(client.get("/voorbeelden/?thema=erfgoed&thema=kantoren"))

    assert sorted(titles(html)) == ["Kantoor in Utrecht", "Kerk in Leeuwarden", "Winkel in Heerlen"]
    assert html.find(id="resultaten").get_text(strip=True) == "3 voorbeelden"
    assert [label.get_text() for label in html.select(".kb-filters input[name=provincie] + label")] == [
        "Fryslân (1)",
        "Limburg (1)",
        "Utrecht (1)",
    ]


def test_counts_never_include_cases_the_visitor_may_not_read(client, kb, verified_user):
    # A draft (Amersfoort) and a members-only case (Apeldoorn) also carry the thema erfgoed.
    html = soup(client.get("/voorbeelden/?thema=erfgoed"))
    assert [label.get_text() for label in html.select(".kb-filters input[name=thema] + label")][0] == "Erfgoed (2)"
    assert "Gelderland" not in html.select_one(".kb-filters").get_text()

    client.force_login(verified_user)
    html = soup(client.get("/voorbeelden/?thema=erfgoed"))
    assert [label.get_text() for label in html.select(".kb-filters input[name=thema] + label")][0] == "Erfgoed (3)"
    assert "Besloten voorbeeld Apeldoorn" in titles(html) and "Conceptvoorbeeld Amersfoort" not in titles(html)


def test_one_value_can_be_left_out_of_a_combination_without_results(client, kb):
    html = soup(client.get("/voorbeelden/?gemeente=utrecht&gemeente=heerlen&vastgoed=erfgoed"))

    assert html.find(id="resultaten").get_text(strip=True) == "0 voorbeelden"
    assert checked(html, "gemeente") == ["heerlen", "utrecht"] and checked(html, "vastgoed") == ["erfgoed"]
    links = {a.get_text(strip=True): a["href"] for a in html.find(class_="kb-no-results").find_all("a")}
    assert links["Gemeente: Heerlen weglaten"] == "/voorbeelden/?gemeente=utrecht&vastgoed=erfgoed"
    assert links["Soort vastgoed: Erfgoed/beeldbepalend weglaten"] == "/voorbeelden/?gemeente=utrecht&gemeente=heerlen"


def test_an_unknown_value_beside_a_known_one_is_reported_and_the_known_one_applies(client, kb):
    html = soup(client.get("/voorbeelden/?provincie=utrecht&provincie=atlantis&vastgoed=kasteel"))

    text = html.get_text()
    assert "Onbekende waarde voor provincie: ‘atlantis’" in text
    assert "Onbekende waarde voor soort vastgoed: ‘kasteel’" in text
    assert titles(html) == ["Kantoor in Utrecht"] and checked(html, "provincie") == ["utrecht"]


def test_sorting_by_gemeente_or_newest_and_the_choice_survives_filtering_and_paging(client, kb, monkeypatch):
    from kennisbank.models import VoorbeeldPage
    from kennisbank.pages import common

    VoorbeeldPage.objects.filter(pk=kb.utrecht.pk).update(year=2023)
    VoorbeeldPage.objects.filter(pk=kb.heerlen.pk).update(year=2019)
    VoorbeeldPage.objects.filter(pk=kb.leeuwarden.pk).update(year=2021)

    newest = soup(client.get("/voorbeelden/"))
    assert titles(newest) == ["Kantoor in Utrecht", "Kerk in Leeuwarden", "Winkel in Heerlen"]
    assert newest.select_one("#sortering option[selected]")["value"] == "nieuwste"

    by_gemeente = soup(client.get("/voorbeelden/?sortering=gemeente"))
    assert titles(by_gemeente) == ["Winkel in Heerlen", "Kerk in Leeuwarden", "Kantoor in Utrecht"]
    assert by_gemeente.select_one("#sortering option[selected]")["value"] == "gemeente"
    # The filter form carries the sort along, the sort form carries the filters along.
    assert by_gemeente.select_one(".kb-filters input[name=sortering]")["value"] == "gemeente"
    filtered = soup(client.get("/voorbeelden/?thema=erfgoed&sortering=gemeente"))
    assert [(i["name"], i["value"]) for i in filtered.select(".kb-sort input[type=hidden]")] == [("thema", "erfgoed")]

    monkeypatch.setattr(common, "PER_PAGE", 2)
    first = soup(client.get("/voorbeelden/?sortering=gemeente"))
    assert first.select_one("a[rel=next]")["href"] == "?sortering=gemeente&pagina=2"
    assert titles(soup(client.get("/voorbeelden/?sortering=gemeente&pagina=2"))) == ["Kantoor in Utrecht"]


def test_an_unknown_sort_is_reported_and_newest_is_used(client, kb):
    html = soup(client.get("/voorbeelden/?sortering=willekeurig"))

    assert "Onbekende sortering: ‘willekeurig’" in html.get_text()
    assert html.select_one("#sortering option[selected]")["value"] == "nieuwste"
