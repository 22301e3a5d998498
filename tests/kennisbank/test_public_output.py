"""What crawlers and feed readers get: valid feeds with text summaries (16.11), robots.txt, sitemap, meta descriptions (16.10)."""

import xml.etree.ElementTree as ET

import pytest

from kennisbank.models import VoorbeeldPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


@pytest.mark.parametrize("url", ["/feeds/voorbeelden/atom/", "/feeds/publicaties/atom/"])
def test_every_atom_entry_has_updated_an_author_and_a_text_summary(client, kb, url):
    entries = _xml(client, url).findall(f"{ATOM}entry")

    assert entries
    for entry in entries:
        assert entry.findtext(f"{ATOM}updated"), ET.tostring(entry)
        assert entry.findtext(f"{ATOM}author/{ATOM}name"), ET.tostring(entry)
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text" and summary.text


def test_markup_in_a_summary_never_reaches_the_feed_reader_as_markup(client, kb):
    VoorbeeldPage.objects.filter(pk=kb.utrecht.pk).update(summary="Kantoor <b>omgebouwd</b> & bewoond")

    atom = _xml(client, "/feeds/voorbeelden/atom/")
    rss = _xml(client, "/feeds/voorbeelden/rss/")

    atom_summaries = [entry.findtext(f"{ATOM}summary") for entry in atom.findall(f"{ATOM}entry")]
    rss_descriptions = [item.findtext("description") for item in rss.iter("item")]
    assert "Kantoor omgebouwd & bewoond" in atom_summaries
    assert "Kantoor omgebouwd & bewoond" in rss_descriptions
    assert "Gemeente Utrecht" in [entry.findtext(f"{ATOM}author/{ATOM}name") for entry in atom.findall(f"{ATOM}entry")]


def test_the_sitemap_lists_the_thema_pages(client, kb):
    locations = [
        loc.text for loc in _xml(client, "/sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    root = kb.home.get_site().root_url

    assert f"{root}/themas/" in locations
    assert f"{root}/themas/erfgoed/" in locations and f"{root}/themas/kantoren/" in locations


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_cms(client, kb):
    response = client.get("/robots.txt")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {kb.home.get_site().root_url}/sitemap.xml" in lines
    assert "Disallow: /cms/" in lines


@pytest.mark.parametrize("index", ["voorbeelden_index", "instruments_index", "publicaties_index", "handreiking_index"])
def test_every_index_page_has_a_meta_description(client, kb, index):
    from bs4 import BeautifulSoup

    page = getattr(kb, index)
    type(page).objects.filter(pk=page.pk).update(intro="<p>Alles over <b>leegstand</b>.</p>")

    meta = BeautifulSoup(client.get(page.url).content, "html.parser").find("meta", attrs={"name": "description"})

    assert meta is not None and meta["content"] == "Alles over leegstand."
