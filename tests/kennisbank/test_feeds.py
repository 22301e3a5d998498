"""Feeds are valid RFC 4287 / RSS 2.0, and a summary reaches the reader as text (issue 16.11)."""

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
