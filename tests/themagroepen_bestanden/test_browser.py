"""In Chromium, keyboard only, at 320 px: a member makes a folder, uploads a file into it and
opens it; the library, folder and file pages have no axe violations and no sideways scrolling."""

import re

import pytest
from django.test import Client

from tests.search.kennisbank_content import pdf_bytes
from tests.themagroepen_bestanden.conftest import library_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tab_to(page, text, exact=False, limit=60):
    """Press Tab until the focused element's text (or label) is, or starts with, ``text``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim(); }"
        )
        if focused == text or (not exact and focused.startswith(text)):
            return
    raise AssertionError(f"“{text}” is not reachable with Tab")


def _no_sideways_scroll(page):
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_a_member_makes_a_folder_and_uploads_by_keyboard(
    groep, lid, live_server_url, chromium, assert_accessible, tmp_path
):
    client = Client()
    client.force_login(lid)
    context = chromium.new_context(locale="nl-NL", viewport={"width": 320, "height": 700})
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}])
    page = context.new_page()
    try:
        page.goto(live_server_url + library_url(groep))
        page.get_by_text("Er staan nog geen bestanden in de bibliotheek van deze groep.").wait_for()
        assert_accessible(page)
        _no_sideways_scroll(page)

        _tab_to(page, "Naam van de map")
        page.keyboard.type("Verordeningen")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Map: Verordeningen").wait_for()
        page.get_by_text("Deze map bevat nog geen bestanden.").wait_for()
        assert_accessible(page)

        _tab_to(page, "Bestand uploaden")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Bestand uploaden").wait_for()
        _tab_to(page, "Bestand", exact=True)
        nota = tmp_path / "nota leegstand.pdf"
        nota.write_bytes(pdf_bytes("Notitie over de leegstandverordening."))
        page.locator(":focus").set_input_files(str(nota))  # the native file dialog, answered
        _tab_to(page, "Uploaden")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="nota leegstand").wait_for()
        assert page.get_by_role("link", name=re.compile(r"^nota leegstand\.pdf\W+versie 1$")).is_visible()
        assert_accessible(page)
        _no_sideways_scroll(page)
    finally:
        context.close()
