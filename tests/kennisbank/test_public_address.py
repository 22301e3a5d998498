"""One public address (16.9): SITE_URL sets the Wagtail Site, and every absolute link carries it,
whatever Host the request came with."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from wagtail.models import Site

from kennisplatform.demo import ensure_home_page
from kennisplatform.public_url import sync_default_site
from tests.bijeenkomsten.conftest import make_bijeenkomst, make_group, make_member, only_occurrence
from themagroepen.bijeenkomsten import services

pytestmark = pytest.mark.django_db
PUBLIC = "https://kennisplatform.example"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def public_site(settings, kb):
    settings.SITE_URL = PUBLIC
    ensure_home_page()
    return kb


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_ensure_home_page_gives_the_site_the_configured_address(public_site):
    site = Site.objects.get(is_default_site=True)

    assert (site.hostname, site.port, site.root_url) == ("kennisplatform.example", 443, PUBLIC)


def test_an_existing_site_at_localhost_gets_the_configured_address_after_migrate(settings, home_page):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.SITE_URL = "http://kennisplatform.test:8000"

    sync_default_site()

    assert Site.objects.get(is_default_site=True).root_url == "http://kennisplatform.test:8000"


def test_canonical_and_og_url_carry_the_public_address(client, public_site):
    html = BeautifulSoup(client.get(public_site.utrecht.url).content, "html.parser")

    assert html.find("link", rel="canonical")["href"] == PUBLIC + public_site.utrecht.url
    assert html.find("meta", property="og:url")["content"] == PUBLIC + public_site.utrecht.url


def test_a_thema_page_is_canonical_at_the_public_address(client, public_site):
    html = BeautifulSoup(client.get("/themas/erfgoed/").content, "html.parser")

    assert html.find("link", rel="canonical")["href"] == f"{PUBLIC}/themas/erfgoed/"


def test_every_sitemap_location_and_robots_txt_carry_the_public_address(client, public_site):
    locations = [loc.text for loc in _xml(client, "/sitemap.xml").iter(f"{SITEMAP}loc")]

    assert f"{PUBLIC}{public_site.utrecht.url}" in locations and f"{PUBLIC}/themas/" in locations
    assert all(location.startswith(PUBLIC + "/") for location in locations), locations
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in client.get("/robots.txt").content.decode().splitlines()


@pytest.mark.parametrize("kind", ["voorbeelden", "publicaties"])
def test_a_feeds_own_links_and_its_entries_carry_the_public_address(client, public_site, kind):
    atom = _xml(client, f"/feeds/{kind}/atom/")
    rss = _xml(client, f"/feeds/{kind}/rss/")

    atom_links = [link.get("href") for link in atom.iter(f"{ATOM}link")]
    rss_links = [link.text for link in rss.iter("link")]
    assert f"{PUBLIC}/{kind}/" in atom_links and f"{PUBLIC}/feeds/{kind}/atom/" in atom_links
    assert f"{PUBLIC}/{kind}/" in rss_links
    assert len(atom_links) > 2 and all(link.startswith(PUBLIC + "/") for link in atom_links + rss_links)


def test_ical_downloads_and_the_agenda_subscription_carry_the_public_address(client, public_site):
    themagroep = make_group()
    member = make_member(themagroep)
    occurrence = only_occurrence(make_bijeenkomst(themagroep))
    services.register(member, occurrence)
    client.force_login(member)

    response = client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/{occurrence.pk}/agenda.ics")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    subscription = BeautifulSoup(client.get("/agenda/abonneren/").content, "html.parser")

    assert str(event["URL"]) == PUBLIC + occurrence.get_absolute_url()
    assert subscription.find(id="feed-url")["value"].startswith(PUBLIC + "/agenda/feed/")
