# ruff: noqa: F811  (the model fixture imported from the wizard tests is a parameter here)
"""In Chromium, keyboard only: an official builds the gemeente's own verordening step by step,
downloads files that open, and is told when the model changes; axe on every page of the way."""

from pathlib import Path

import pytest

from tests.kennisbank.conftest import make_official
from tests.kennisbank.test_dossier_browser import _reference_data, _signed_in  # noqa: F401
from tests.kennisbank.test_verordening_wizard import NEXT_YEAR, _paragraphs, _publish, model, model_articles  # noqa: F401
from tests.themagroepen_discussies.test_form_errors_journey import active_id, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _press(page, name):
    tab_to(page, name)
    _submit(page)


def _submit(page):
    """Enter, and wait for the page it leads to (the button's, or the form's default button)."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _download(page, name) -> bytes:
    tab_to(page, name)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    return Path(download.value.path()).read_bytes()


def test_keyboard_only_through_the_wizard_to_files_that_open_and_a_model_update(
    kb, model, live_server_url, chromium, client, assert_accessible
):
    from kennisbank.dossiers.models import VerordeningConcept

    anna = make_official("anna@utrecht.nl", "Anna de Vries")
    context, page = _signed_in(chromium, client, live_server_url, anna)
    page.goto(live_server_url + "/dossier/")
    assert_accessible(page)
    _press(page, "Nieuwe verordening opstellen")
    assert page.locator("h1").inner_text() == "Uw eigen leegstandverordening"
    assert_accessible(page)
    _press(page, "Beginnen")

    assert "Stap 1 van 7: Gebieden en gebouwen" in page.locator("h1").inner_text()
    assert page.locator('[aria-current="step"]').inner_text().startswith("Gebieden en gebouwen")
    assert_accessible(page)
    tab_to(page, "Aangewezen gebieden")
    page.keyboard.type("Binnenstad")
    page.keyboard.press("Enter")
    page.keyboard.type("Bedrijventerrein Lage Weide")
    tab_to(page, "Kantoren")
    page.keyboard.press("Space")
    _press(page, "Volgende")

    assert "Stap 2 van 7: Meldplicht" in page.locator("h1").inner_text()
    tab_to(page, "Termijn voor de melding")
    page.keyboard.press("Control+a")
    page.keyboard.type("9")
    _submit(page)  # "Volgende" is the form's default button
    page.wait_for_selector("[data-error-summary]")
    assert "error-summary" in active_id(page)
    assert "De termijn voor de melding is ten hoogste 6 maanden." in page.locator("[data-error-summary]").inner_text()
    assert_accessible(page)
    tab_to(page, "Termijn voor de melding (in maanden): De termijn")
    page.keyboard.press("Enter")  # site.js moves focus into the field, no navigation
    assert active_id(page) == "id_meldtermijn"
    page.keyboard.press("Control+a")
    page.keyboard.type("4")
    _press(page, "Volgende")

    assert "Stap 3 van 7: Overleg en voordracht" in page.locator("h1").inner_text()
    assert_accessible(page)
    _press(page, "Vorige")
    assert "Stap 2 van 7" in page.locator("h1").inner_text()
    assert page.locator("#id_meldtermijn").input_value() == "4"  # back and forth without loss
    _press(page, "Volgende")
    _press(page, "Volgende")

    assert "Stap 4 van 7: Bevoegd orgaan" in page.locator("h1").inner_text()
    assert_accessible(page)
    tab_to(page, "Burgemeester en wethouders")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("De burgemeester", exact=True).is_checked()
    _press(page, "Volgende")

    assert "Stap 5 van 7: Sancties" in page.locator("h1").inner_text()
    assert_accessible(page)
    tab_to(page, "Maximale bestuurlijke boete")
    page.keyboard.type("7500")
    _submit(page)

    assert "Stap 6 van 7: Inwerkingtreding" in page.locator("h1").inner_text()
    assert_accessible(page)
    tab_to(page, "Datum van inwerkingtreding")
    page.keyboard.type(f"1-7-{NEXT_YEAR}")
    _submit(page)

    assert "Stap 7 van 7: Overzicht" in page.locator("h1").inner_text()
    assert "Bedrijventerrein Lage Weide" in page.locator("main").inner_text()
    assert_accessible(page)
    _press(page, "Verordening maken")

    title = f"Leegstandverordening Utrecht {NEXT_YEAR}"
    assert page.locator("h1").inner_text() == title
    assert page.get_by_text("Uw verordening is gemaakt en opgeslagen in het dossier.").is_visible()
    assert_accessible(page)
    for fmt, name in (("docx", "Download als Word-bestand"), ("odt", "Download als OpenDocument-bestand")):
        paragraphs = _paragraphs(fmt, _download(page, name))
        text = "\n".join(paragraphs)
        assert paragraphs[0] == title
        assert "Artikel 3. Meldplicht" in paragraphs and "Artikel 9. Inwerkingtreding en citeertitel" in paragraphs
        assert "aan de burgemeester binnen vier maanden nadat de leegstand is begonnen" in text
        assert "tot een maximum van € 7.500." in text and f"treedt in werking op 1 juli {NEXT_YEAR}" in text
        assert "a. Bedrijventerrein Lage Weide;" not in text and "b. Bedrijventerrein Lage Weide;" in text

    # An editor publishes a new model: Anna is told and sees the changed article side by side.
    _publish(model, articles=model_articles({"6": {"title": "Leegstandsoverleg"}}))
    page.goto(live_server_url + "/meldingen/")
    _press(page, "Nieuwe versie van de Model leegstandverordening")
    assert page.locator("h1").inner_text() == "Wijzigingen in het model"
    table = page.get_by_role("table", name="Gewijzigde artikelen (1)")
    assert "Artikel 6" in table.inner_text() and "Leegstandsoverleg" in table.inner_text()
    assert_accessible(page)
    _press(page, "Overstappen op de nieuwe versie")
    assert "Stap 7 van 7: Overzicht" in page.locator("h1").inner_text()
    assert page.get_by_text("Uw concept volgt nu de nieuwe versie van het model.").is_visible()
    assert VerordeningConcept.objects.get().model_revision_id == model.live_revision_id
    context.close()
