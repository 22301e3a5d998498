"""What every government page shows besides its content (16.10): one title, a favicon, a sharing
image, a Dutch breadcrumb, and a 500 page that needs nothing but a template."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.views.defaults import server_error
from PIL import Image

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_the_home_page_names_the_site_once_and_other_pages_name_themselves_first(client, kb):
    assert _html(client, "/").title.get_text() == "Kennisplatform Leegstand"
    assert _html(client, kb.utrecht.url).title.get_text() == f"{kb.utrecht.title} – Kennisplatform Leegstand"


def test_every_page_links_a_favicon_that_exists_and_favicon_ico_answers(client, home_page):
    icons = _html(client, "/").find_all("link", rel="icon")

    assert {icon.get("type") for icon in icons} == {None, "image/svg+xml"}
    for name in ("img/favicon.svg", "img/favicon.ico"):
        assert finders.find(name), name
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("/img/favicon.ico")


def test_pages_offer_an_absolute_sharing_image_of_the_size_social_sites_ask_for(client, kb, settings):
    for url in ("/", kb.voorbeelden_index.url, kb.utrecht.url):
        image = _html(client, url).find("meta", property="og:image")
        assert image is not None, url
        assert image["content"] == settings.SITE_URL + "/static/img/og-image.png"
    with Image.open(finders.find("img/og-image.png")) as png:
        assert (png.format, png.size) == ("PNG", (1200, 630))


def test_the_breadcrumb_starts_at_the_startpagina_in_dutch(client, kb):
    crumbs = _html(client, kb.utrecht.url).find("nav", attrs={"aria-label": "Kruimelpad"}).find_all("li")

    assert crumbs[0].get_text(strip=True) == "Startpagina" and crumbs[0].a["href"] == "/"


def test_the_thema_overview_has_a_meta_description(client, kb):
    meta = _html(client, "/themas/").find("meta", attrs={"name": "description"})

    assert meta is not None and "thema" in meta["content"]


def test_the_500_page_is_dutch_styled_with_a_viewport_and_asks_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 500
    assert html.html["lang"] == "nl" and html.h1.get_text() == "Er ging iets mis"
    assert html.find("meta", attrs={"name": "viewport"})["content"].startswith("width=device-width")
    assert html.find("link", rel="stylesheet")["href"].endswith("css/site.css")
    assert html.main.find("a", href="/").get_text() == "Naar de startpagina"
