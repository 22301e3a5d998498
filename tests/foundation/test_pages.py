"""The home page and the base layout, as a visitor without JavaScript gets them."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch_with_navigation_skip_link_and_search(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "nl"
    assert soup.find("a", class_="skip-link")["href"] == "#inhoud"
    assert soup.find(id="inhoud").name == "main"
    nav = soup.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert [a.get_text() for a in nav.find_all("a")] == [
        "Handreiking",
        "Voorbeelden",
        "Publicaties",
        "Themagroepen",
        "Zoeken",
    ]
    assert soup.find("form", attrs={"role": "search"})["action"] == "/zoeken/"
    assert soup.find("link", attrs={"media": "print"}) is not None


def test_public_pages_send_security_headers(client, home_page):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_unknown_page_is_a_dutch_404(client, home_page, settings):
    settings.DEBUG = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_loaddemo_twice_changes_nothing(db):
    from django.apps import apps
    from django.core.management import call_command

    call_command("loaddemo", stdout=open("/dev/null", "w"))
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    after = {model._meta.label: model.objects.count() for model in apps.get_models()}
    changed = {
        label: (counts[label], after[label])
        for label in counts
        if counts[label] != after[label] and not label.startswith("django_tasks")
    }
    assert changed == {}
