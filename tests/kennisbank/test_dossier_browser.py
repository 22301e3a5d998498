"""In Chromium: two officials of one gemeente share a checklist dossier; another gemeente sees none."""

import pytest

from tests.kennisbank.conftest import make_official

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """A transactional test before this one flushed what migrations created; put back what we need."""
    import importlib

    from django.apps import apps
    from django.conf import settings
    from wagtail.models import Locale, Page

    from accounts.organisations import sync_reference_organisations

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    importlib.import_module("kennisbank.migrations.0002_load_gemeenten").load(apps, None)
    sync_reference_organisations()


def _signed_in(chromium, client, live_server_url, user):
    client.force_login(user)
    context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}])
    return context, context.new_page()


def test_two_officials_share_ticks_and_another_gemeente_sees_none(
    kb, live_server_url, chromium, client, assert_accessible
):
    anna = make_official("anna@utrecht.nl", "Anna de Vries")
    bram = make_official("bram@utrecht.nl", "Bram Jansen")
    carla = make_official("carla@amsterdam.nl", "Carla Smit")
    chapter_url = live_server_url + kb.chapters[0].url

    context, page = _signed_in(chromium, client, live_server_url, anna)
    page.goto(chapter_url)
    page.get_by_label("Punt twee", exact=True).check()
    page.get_by_label("Notitie bij “Punt twee” (optioneel)").fill("Besproken met de wethouder")
    page.get_by_role("button", name="Opslaan in het dossier").click()
    page.wait_for_load_state()
    assert page.get_by_text("Afgevinkt door Anna de Vries op").is_visible()
    assert page.get_by_text("De checklist is opgeslagen in het dossier van Gemeente Utrecht.").is_visible()
    assert_accessible(page)
    context.close()

    context, page = _signed_in(chromium, client, live_server_url, bram)
    page.goto(chapter_url)
    assert page.get_by_label("Punt twee", exact=True).is_checked()
    assert not page.get_by_label("Punt één", exact=True).is_checked()
    assert page.get_by_text("Afgevinkt door Anna de Vries op").is_visible()
    page.goto(live_server_url + "/dossier/")
    assert page.get_by_text("1 van 2 punten afgevinkt").first.is_visible()
    assert "Besproken met de wethouder" in page.content()
    assert_accessible(page)
    context.close()

    context, page = _signed_in(chromium, client, live_server_url, carla)
    page.goto(chapter_url)
    assert not page.get_by_label("Punt twee", exact=True).is_checked()
    assert page.get_by_text("Afgevinkt door").count() == 0
    page.goto(live_server_url + "/dossier/")
    assert "Gemeente Amsterdam" in page.locator("h1").inner_text()
    assert "wethouder" not in page.content() and "Anna" not in page.content()
    context.close()
