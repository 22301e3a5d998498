"""How the handreiking, instruments, voorbeelden and publicaties behave for a visitor."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_handreiking_intro_lists_published_chapters_and_links_the_pdf(client, kb):
    html = soup(client.get(kb.handreiking.url))
    contents = [a.get_text() for a in html.select(".kb-contents__list a")]
    assert contents == ["Waarom aanpakken", "Rol van de gemeente", "Instrumenten kiezen"]
    assert html.find("a", string="Download als pdf")["href"].endswith("/leegstand-te-lijf/pdf/")
    assert html.find("a", string="Model leegstandverordening")


def test_chapter_has_toc_anchors_navigation_and_blocks(client, kb):
    chapter = kb.chapters[1]
    html = soup(client.get(chapter.url))
    toc = [(a["href"], a.get_text()) for a in html.select(".kb-toc a")]
    assert toc == [("#eerste-stap", "Eerste stap"), ("#stap-2", "Tweede stap")]
    assert html.find(id="eerste-stap").get_text() == "Eerste stap" and html.find(id="stap-2")
    # previous/next skip the unpublished chapter 3
    assert html.select_one("a[rel=prev]")["href"] == kb.chapters[0].url
    assert html.select_one("a[rel=next]")["href"] == kb.chapters[3].url
    assert html.select_one(".kb-sidebar [aria-current=page]").get_text() == "Rol van de gemeente"
    boxes = html.select(".kb-checklist input[type=checkbox]")
    assert len(boxes) == 2 and all(html.find("label", attrs={"for": box["id"]}) for box in boxes)
    assert html.select_one(".kb-callout--tip") and html.select_one("table.kb-table th").get_text() == "Kop A"
    assert html.select_one(".kb-ref--instrument a")["href"] == kb.loods.url


def test_chapter_hides_references_to_pages_the_reader_cannot_see(client, kb, verified_user):
    # Chapter 2 refers to the login-only case; anonymous readers must not even see its title.
    assert "Besloten voorbeeld" not in client.get(kb.chapters[1].url).content.decode()
    client.force_login(verified_user)
    assert "Besloten voorbeeld" in client.get(kb.chapters[1].url).content.decode()


def test_instrument_page_links_chapters_and_cases_that_use_it(client, kb):
    html = soup(client.get(kb.loods.url))
    chapters = [a.get_text() for a in html.select("#in-handreiking ~ ul a")]
    cases = [a.get_text() for a in html.select("#in-voorbeelden ~ ul a")]
    assert chapters == ["Waarom aanpakken", "Rol van de gemeente", "Instrumenten kiezen"]
    assert cases == ["Kantoor in Utrecht"]  # not the draft, not the login-only case


def test_chapter_references_follow_published_body_only(kb):
    chapter = kb.chapters[0]
    assert set(chapter.instrumenten.all()) == {kb.loods}
    # A draft revision that drops the instrument does not change what the live page uses.
    chapter.body = "[]"
    chapter.save_revision()
    chapter.refresh_from_db()
    assert set(chapter.instrumenten.all()) == {kb.loods}


def test_instrument_overview_filters_by_kind_with_counts(client, kb):
    html = soup(client.get(kb.instruments_index.url))
    assert {a.get_text(" ", strip=True) for a in html.select(".kb-filter-tabs a")} >= {
        "Alle (2)",
        "Juridisch (1)",
        "Organisatorisch (1)",
        "Planologisch (0)",
    }
    html = soup(client.get(kb.instruments_index.url + "?soort=juridisch"))
    assert [a.get_text() for a in html.select(".kb-card__title a")] == ["Leegstandverordening"]


def test_voorbeeld_shows_contact_email_only_when_agreed(client, kb):
    assert "geheim@heerlen.example" not in client.get(kb.heerlen.url).content.decode()
    html = soup(client.get(kb.leeuwarden.url))
    assert html.select_one(".kb-contact a[href='mailto:open@leeuwarden.example']")


def test_voorbeeld_page_shows_gemeente_province_and_meta_tags(client, kb):
    html = soup(client.get(kb.utrecht.url))
    assert "Utrecht (GM0344)" in html.select_one(".kb-facts").get_text()
    assert html.find("meta", attrs={"name": "description"})["content"] == "Samenvatting van het voorbeeld."
    assert html.find("link", rel="canonical")["href"] == kb.utrecht.full_url
    assert html.find("meta", property="og:title")["content"] == "Kantoor in Utrecht"
    assert html.find("meta", property="og:url")["content"] == kb.utrecht.full_url


def test_voorbeelden_index_filters_with_counts(client, kb):
    html = soup(client.get(kb.voorbeelden_index.url))
    assert html.select_one(".kb-results__count").get_text() == "3 voorbeelden"
    provinces = [o.get_text() for o in html.select(".kb-filters input[name=provincie] + label")]
    assert provinces == ["Fryslân (1)", "Limburg (1)", "Utrecht (1)"]
    html = soup(client.get(kb.voorbeelden_index.url + "?thema=erfgoed"))
    assert sorted(a.get_text() for a in html.select(".kb-card__title a")) == ["Kerk in Leeuwarden", "Winkel in Heerlen"]
    # Counts in the other facets follow the active filter; the thema facet itself keeps all options.
    assert [o.get_text() for o in html.select(".kb-filters input[name=vastgoed] + label")] == [
        "Erfgoed/beeldbepalend (1)",
        "Winkel (1)",
    ]
    assert [o.get_text() for o in html.select(".kb-filters input[name=thema] + label")] == [
        "Erfgoed (2)",
        "Kantoren (1)",
    ]
    html = soup(
        client.get(
            kb.voorbeelden_index.url + "?instrument=kantorenloods&provincie=utrecht&gemeente=utrecht&vastgoed=kantoor"
        )
    )
    assert [a.get_text() for a in html.select(".kb-card__title a")] == ["Kantoor in Utrecht"]


def test_voorbeelden_index_paginates_and_keeps_filters(client, kb, monkeypatch):
    from kennisbank.pages import common
    from tests.kennisbank.conftest import make_voorbeeld

    monkeypatch.setattr(common, "PER_PAGE", 2)
    for number in range(2):
        make_voorbeeld(kb.voorbeelden_index, f"extra-{number}", "GM0344", "kantoor")
    html = soup(client.get(kb.voorbeelden_index.url + "?provincie=utrecht"))
    assert len(html.select(".kb-card")) == 2
    assert html.select_one(".kb-results__count").get_text() == "3 voorbeelden"
    assert html.select_one("a[rel=next]")["href"] == "?provincie=utrecht&pagina=2"
    html = soup(client.get(kb.voorbeelden_index.url + "?provincie=utrecht&pagina=2"))
    assert len(html.select(".kb-card")) == 1


def test_publicaties_newest_first_with_kind_filter(client, kb):
    import datetime

    from kennisbank.models import PublicatiePage
    from tests.kennisbank.conftest import _ensure_child

    _ensure_child(
        kb.publicaties_index,
        PublicatiePage,
        "kamerbrief",
        title="Kamerbrief",
        date=datetime.date(2012, 1, 1),
        sender_kind="ministerie",
        sender="Minister",
        kind="kamerbrief",
        summary="Kort.",
    )
    html = soup(client.get(kb.publicaties_index.url))
    assert [a.get_text() for a in html.select(".kb-card__title a")] == ["Kamerbrief", "Ledenbrief over leegstand"]
    html = soup(client.get(kb.publicaties_index.url + "?soort=ledenbrief"))
    assert [a.get_text() for a in html.select(".kb-card__title a")] == ["Ledenbrief over leegstand"]


def test_thema_page_lists_readable_content_with_that_thema(client, kb):
    html = soup(client.get("/themas/erfgoed/"))
    titles = {a.get_text() for a in html.select("main li a")}
    assert {"Winkel in Heerlen", "Kerk in Leeuwarden", "Ledenbrief over leegstand"} <= titles
    assert not {"Conceptvoorbeeld Amersfoort", "Besloten voorbeeld Apeldoorn", "Besloten notitie"} & titles
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_moved_page_redirects_from_its_old_url(client, kb, django_capture_on_commit_callbacks):
    old_url = kb.utrecht.url
    page = kb.utrecht
    page.slug = "utrecht-kantoor-nieuw"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"].endswith("/voorbeelden/utrecht-kantoor-nieuw/")


def test_home_page_shows_latest_readable_voorbeelden_and_publicaties(client, kb):
    html = soup(client.get("/"))
    text = html.select_one("main").get_text()
    assert "Kantoor in Utrecht" in text and "Ledenbrief over leegstand" in text
    assert "Besloten voorbeeld" not in text and "Besloten notitie" not in text and "Conceptvoorbeeld" not in text


def test_the_map_link_of_a_voorbeeld_uses_a_dot_decimal(client, kb):
    from decimal import Decimal

    from kennisbank.models import VoorbeeldPage

    VoorbeeldPage.objects.filter(pk=kb.leeuwarden.pk).update(
        location_name="Grote Kerk", latitude=Decimal("53.2012"), longitude=Decimal("5.7999")
    )

    html = client.get(kb.leeuwarden.url).content.decode()

    assert "mlat=53.201200&amp;mlon=5.799900#map=17/53.201200/5.799900" in html


def test_a_filter_combination_without_results_keeps_the_choice_and_offers_a_way_out(client, kb):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/voorbeelden/?gemeente=utrecht&vastgoed=winkel").content, "html.parser")

    assert html.find(id="resultaten").get_text(strip=True) == "0 voorbeelden"
    selected = html.select_one("input[name=gemeente][checked]")
    assert selected["value"] == "utrecht" and selected.find_next("label").get_text(strip=True) == "Utrecht (0)"
    assert html.select_one("input[name=vastgoed][checked]")["value"] == "winkel"
    way_out = html.find(class_="kb-no-results")
    assert "Geen voorbeelden met deze combinatie van filters" in way_out.get_text()
    links = {a.get_text(strip=True): a["href"] for a in way_out.find_all("a")}
    assert links["Alle filters wissen"] == kb.voorbeelden_index.url
    assert links["Soort vastgoed: Winkel weglaten"] == kb.voorbeelden_index.url + "?gemeente=utrecht"


def test_an_unknown_filter_value_is_reported_and_not_applied(client, kb):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/voorbeelden/?gemeente=atlantis").content, "html.parser")

    assert "Onbekende waarde voor gemeente: ‘atlantis’" in html.get_text()
    assert html.find(id="resultaten").get_text(strip=True) == "3 voorbeelden"
