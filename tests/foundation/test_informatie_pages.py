"""The pages a Dutch government site must have (16.8): editable, created once, in the footer."""

import re

import pytest
from bs4 import BeautifulSoup

from kennisplatform.context_processors import FOOTER_NAVIGATION
from kennisplatform.demo import ensure_informatie_pages
from kennisplatform.models import InformatiePage

pytestmark = pytest.mark.django_db
TITLES = {
    "/privacy/": "Privacyverklaring",
    "/toegankelijkheid/": "Toegankelijkheidsverklaring",
    "/contact/": "Contact",
    "/colofon/": "Colofon",
    "/cookies/": "Cookieverklaring",
}
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


@pytest.fixture
def informatie(home_page):
    ensure_informatie_pages(home_page)
    return home_page


def _html(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_footer_links_every_information_page_and_each_answers_in_formal_dutch(client, informatie):
    footer = _html(client.get("/")).find("footer")
    assert {a["href"] for a in footer.find_all("a")} >= set(TITLES)
    assert {path for _, path in FOOTER_NAVIGATION} == set(TITLES)

    for path, title in TITLES.items():
        html = _html(client.get(path))
        assert html.h1.get_text() == title, path
        assert html.title.get_text() == f"{title} – Kennisplatform Leegstand"
        assert html.find("meta", attrs={"name": "description"})["content"], path
        text = html.find("main").get_text(" ")
        assert len(text) > 400 and not INFORMAL.search(text), path


def test_the_accessibility_statement_follows_the_model_headings(client, informatie):
    headings = [h2.get_text() for h2 in _html(client.get("/toegankelijkheid/")).find("main").find_all("h2")]

    assert headings[:2] == ["Verklaring", "Nalevingsstatus"]
    assert "Contact en feedback" in headings and "Handhavingsprocedure" in headings


def test_creating_them_again_changes_nothing_and_keeps_an_editors_text(informatie):
    InformatiePage.objects.filter(slug="contact").update(lead="Door de redactie aangepast.")

    ensure_informatie_pages(informatie)

    assert InformatiePage.objects.count() == len(TITLES)
    assert InformatiePage.objects.get(slug="contact").lead == "Door de redactie aangepast."


def test_an_editor_can_open_them_in_the_cms(client, informatie, django_user_model):
    admin = django_user_model.objects.create_superuser(
        "beheer@vng.example", "beheer@vng.example", "Sterk-wachtwoord-2026"
    )
    client.force_login(admin)
    page = InformatiePage.objects.get(slug="privacy")

    assert client.get(f"/cms/pages/{page.pk}/edit/").status_code == 200


def test_sign_up_links_the_privacy_statement(client, informatie):
    html = _html(client.get("/account/signup/"))

    assert html.find("main").find("a", href="/privacy/").get_text() == "privacyverklaring"
