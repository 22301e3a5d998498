"""Drafts and restricted pages never show up where they should not: listings, feeds, sitemap, downloads."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db
HIDDEN = ["Conceptvoorbeeld Amersfoort", "Besloten voorbeeld Apeldoorn", "Besloten notitie", "Geheim concept"]


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/voorbeelden/",
        "/voorbeelden/?thema=erfgoed",
        "/publicaties/",
        "/instrumenten/kantorenloods/",
        "/themas/erfgoed/",
        "/handreiking/leegstand-te-lijf/",
        "/sitemap.xml",
        "/feeds/voorbeelden/rss/",
        "/feeds/voorbeelden/atom/",
        "/feeds/publicaties/rss/",
        "/feeds/publicaties/atom/",
    ],
)
def test_anonymous_visitors_never_see_hidden_pages(client, kb, url):
    text = _text(client, url)
    for title in HIDDEN:
        assert title not in text
    for page in (kb.concept, kb.besloten, kb.geheime_brief, kb.chapters[2]):
        assert f"/{page.slug}/" not in text


def test_hidden_pages_themselves_are_not_served(client, kb):
    assert client.get("/voorbeelden/concept-voorbeeld/").status_code == 404
    response = client.get(kb.besloten.url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_signed_in_official_sees_login_only_content_in_listings_but_not_drafts(client, kb, verified_user):
    client.force_login(verified_user)
    text = _text(client, "/voorbeelden/")
    assert "Besloten voorbeeld Apeldoorn" in text and "Conceptvoorbeeld Amersfoort" not in text
    # Feeds and sitemap are public documents: they stay without restricted pages, even for members.
    assert "Besloten voorbeeld Apeldoorn" not in _text(client, "/feeds/voorbeelden/rss/")
    assert "besloten-voorbeeld" not in _text(client, "/sitemap.xml")


def test_sitemap_lists_public_live_pages(client, kb):
    text = _text(client, "/sitemap.xml")
    for page in (kb.home, kb.utrecht, kb.chapters[0], kb.brief, kb.verordening):
        assert f"<loc>{page.full_url}</loc>" in text


def test_voorbeelden_filters_never_name_an_instrument_the_visitor_may_not_read(client, kb):
    from tests.conftest import make_verified_user
    from tests.kennisbank.conftest import restrict_to_login

    restrict_to_login(kb.verordening_instr)  # used by the public case in Heerlen

    def instrument_options():
        html = BeautifulSoup(client.get("/voorbeelden/").content, "html.parser")
        return [
            option.get_text(" ", strip=True) for option in html.select(".kb-filters input[name=instrument] + label")
        ]

    anonymous = instrument_options()
    client.force_login(make_verified_user("ambtenaar@heerlen.example"))
    signed_in = instrument_options()

    assert not any("Leegstandverordening" in option for option in anonymous), anonymous
    assert any("Kantorenloods" in option for option in anonymous)
    assert any("Leegstandverordening" in option for option in signed_in), signed_in
