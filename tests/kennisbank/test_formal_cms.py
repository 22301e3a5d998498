"""The CMS addresses redacteuren formally ("u"), like the rest of the site (issue 16.3).

Wagtail's Dutch catalogues say "je/jij/jouw" in about 180 places; ``locale/nl/LC_MESSAGES``
overrides each of them (django.po for templates and Python, djangojs.po for the admin's
scripts). The test scans the catalogues of every installed Wagtail app, so a Wagtail upgrade
that adds an informal string fails here until it gets its override.
"""

import gettext as gnu_gettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from tests.conftest import make_verified_user

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def _wagtail_catalogues(domain):
    for app in apps.get_app_configs():
        if app.name == "wagtail" or app.name.startswith("wagtail."):
            mo = Path(app.path) / "locale" / "nl" / "LC_MESSAGES" / f"{domain}.mo"
            if mo.exists():
                with mo.open("rb") as handle:
                    yield app.name, gnu_gettext.GNUTranslations(handle)._catalog


def _informal_keys(domain):
    return {
        key: app
        for app, catalogue in _wagtail_catalogues(domain)
        for key, value in catalogue.items()
        if key and INFORMAL.search(value)
    }


def _lookup(catalogue, key):
    if isinstance(key, tuple):  # plural form: (msgid, index)
        msgid, index = key
        return catalogue.ngettext(msgid, msgid, 1 if index == 0 else 2)
    return catalogue.gettext(key)


def test_no_wagtail_message_addresses_the_editor_informally():
    informal = _informal_keys("django")
    assert len(informal) > 150, "Wagtail's nl catalogues changed shape; revisit this test"

    with translation.override("nl"):
        django_catalogue = translation.trans_real.translation("nl")
        offenders = {key: text for key in informal if INFORMAL.search(text := _lookup(django_catalogue, key))}

    assert not offenders, "informal Dutch left (add an override to locale/nl/LC_MESSAGES/django.po):\n" + "\n".join(
        f"{key!r} ({informal[key]}): {text!r}" for key, text in offenders.items()
    )


def test_no_admin_script_message_addresses_the_editor_informally():
    informal = _informal_keys("djangojs")
    assert informal, "Wagtail's nl script catalogue changed shape; revisit this test"
    admin_locale = str(Path(apps.get_app_config("wagtailadmin").path) / "locale")
    # The same catalogue /cms/jsi18n/ (Django's JavaScriptCatalog) builds.
    catalogue = DjangoTranslation("nl", domain="djangojs", localedirs=[admin_locale])

    offenders = {key: text for key in informal if INFORMAL.search(text := _lookup(catalogue, key))}

    assert not offenders, "informal Dutch left (add an override to locale/nl/LC_MESSAGES/djangojs.po):\n" + "\n".join(
        f"{key!r}: {text!r}" for key, text in offenders.items()
    )


@pytest.mark.django_db
def test_the_admin_script_catalogue_is_served_formally(client):
    response = client.get("/cms/jsi18n/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Weet u het zeker?" in body and "Weet je het zeker?" not in body


@pytest.mark.django_db
def test_a_redacteur_reads_formal_dutch_in_the_page_editor_and_the_dashboard(client, kb):
    editor = make_verified_user("redacteur@vng.example")
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    final_editor = make_verified_user("eindredacteur@vng.example")
    final_editor.groups.add(Group.objects.get(name="Eindredacteuren"))
    kb.utrecht.save_revision(user=editor)
    kb.utrecht.get_workflow().start(kb.utrecht, editor)

    client.force_login(editor)
    editor_page = client.get(f"/cms/pages/{kb.utrecht.pk}/edit/").content.decode()
    client.force_login(final_editor)
    dashboard = client.get("/cms/").content.decode()

    assert "De paginatitel zoals u wilt dat bezoekers die zien" in editor_page
    assert "In afwachting van uw beoordeling" in dashboard
    for html in (editor_page, dashboard):
        visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
        assert not INFORMAL.search(visible), INFORMAL.search(visible)
