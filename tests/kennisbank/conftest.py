"""A small but complete kennisbank tree, including pages nobody outside may see."""

import json
from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from kennisbank.demo import _ensure_child as _ensure_child_with_revision
from kennisbank.models import (
    Gemeente,
    HandreikingIndexPage,
    HandreikingPage,
    HoofdstukPage,
    InstrumentIndexPage,
    InstrumentPage,
    PublicatieIndexPage,
    PublicatiePage,
    Thema,
    VerordeningPage,
    VoorbeeldIndexPage,
    VoorbeeldPage,
)


@pytest.fixture
def reference_data(db):
    """What migrations create, put back if a transactional test flushed it (also across --reuse-db runs)."""
    import importlib

    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if not Gemeente.objects.exists():
        importlib.import_module("kennisbank.migrations.0002_load_gemeenten").load(apps, None)
        importlib.import_module("kennisbank.migrations.0008_gemeente_inwoners").load_inwoners(apps, None)
    if not Group.objects.filter(name="Redacteuren").exists():
        importlib.import_module("kennisbank.migrations.0004_redactie_groups_and_workflow").create(apps, None)


def _ensure_child(parent, model, slug, **fields):
    return _ensure_child_with_revision(parent, model, slug, revision=False, **fields)


def chapter_body(instrument, case, checklist_title="Checklist"):
    return json.dumps(
        [
            {"type": "section", "value": {"heading": "Eerste stap", "anchor": ""}},
            {"type": "text", "value": "<p>Tekst over de eerste stap.</p>"},
            {
                "type": "checklist",
                "value": {
                    "title": checklist_title,
                    "items": [{"text": "Punt één", "help": ""}, {"text": "Punt twee", "help": "Uitleg"}],
                },
            },
            {"type": "section", "value": {"heading": "Tweede stap", "anchor": "stap-2"}},
            {"type": "callout", "value": {"kind": "tip", "title": "Handig", "text": "<p>Een tip.</p>"}},
            {"type": "instrument", "value": {"instrument": instrument.pk, "note": "Zet dit in"}},
            {"type": "cases", "value": {"title": "Voorbeelden", "cases": [case.pk]}},
            {
                "type": "table",
                "value": {
                    "data": [["Kop A", "Kop B"], ["cel 1", "cel 2"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Tabel",
                },
            },
        ]
    )


def make_voorbeeld(index, slug, gemeente_code="GM0344", property_type="kantoor", **extra):
    fields = dict(
        title=extra.pop("title", f"Voorbeeld {slug}"),
        summary=extra.pop("summary", "Samenvatting van het voorbeeld."),
        gemeente=Gemeente.objects.get(cbs_code=gemeente_code),
        property_type=property_type,
        approach="<p>Zo pakten we het aan.</p>",
        year=extra.pop("year", 2020),
    )
    fields.update(extra)
    page, _ = _ensure_child(index, VoorbeeldPage, slug, **fields)
    return page


def restrict_to_login(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def unpublish(page):
    page.unpublish(log_action=False)
    page.refresh_from_db()


@pytest.fixture
def kb(reference_data, home_page):
    erfgoed = Thema.objects.create(name="Erfgoed", slug="erfgoed")
    kantoren = Thema.objects.create(name="Kantoren", slug="kantoren")
    instruments_index, _ = _ensure_child(home_page, InstrumentIndexPage, "instrumenten", title="Instrumenten")
    loods, _ = _ensure_child(
        instruments_index,
        InstrumentPage,
        "kantorenloods",
        title="Kantorenloods",
        kind="organisatorisch",
        summary="Eén loket.",
    )
    verordening_instr, _ = _ensure_child(
        instruments_index,
        InstrumentPage,
        "leegstandverordening",
        title="Leegstandverordening",
        kind="juridisch",
        summary="Meldplicht.",
    )
    voorbeelden_index, _ = _ensure_child(home_page, VoorbeeldIndexPage, "voorbeelden", title="Voorbeelden")
    utrecht = make_voorbeeld(
        voorbeelden_index,
        "utrecht-kantoor",
        "GM0344",
        "kantoor",
        title="Kantoor in Utrecht",
        instrumenten=[loods],
        themas=[kantoren],
    )
    heerlen = make_voorbeeld(
        voorbeelden_index,
        "heerlen-winkel",
        "GM0917",
        "winkel",
        title="Winkel in Heerlen",
        instrumenten=[verordening_instr],
        themas=[erfgoed],
        contact_name="S. Janssen",
        contact_email="geheim@heerlen.example",
        contact_email_public=False,
    )
    leeuwarden = make_voorbeeld(
        voorbeelden_index,
        "leeuwarden-kerk",
        "GM0080",
        "erfgoed",
        title="Kerk in Leeuwarden",
        themas=[erfgoed],
        contact_name="T. Hoekstra",
        contact_email="open@leeuwarden.example",
        contact_email_public=True,
    )
    concept = make_voorbeeld(
        voorbeelden_index,
        "concept-voorbeeld",
        "GM0307",
        title="Conceptvoorbeeld Amersfoort",
        themas=[erfgoed],
        instrumenten=[loods],
    )
    unpublish(concept)
    besloten = make_voorbeeld(
        voorbeelden_index,
        "besloten-voorbeeld",
        "GM0200",
        title="Besloten voorbeeld Apeldoorn",
        themas=[erfgoed],
        instrumenten=[loods],
    )
    restrict_to_login(besloten)

    handreiking_index, _ = _ensure_child(home_page, HandreikingIndexPage, "handreiking", title="Handreiking")
    handreiking, _ = _ensure_child(
        handreiking_index,
        HandreikingPage,
        "leegstand-te-lijf",
        title="Leegstand te lijf",
        summary="Een handreiking.",
        intro="<p>Inleiding.</p>",
    )
    chapters = []
    for number, title in enumerate(
        ["Waarom aanpakken", "Rol van de gemeente", "Geheim concept", "Instrumenten kiezen"], 1
    ):
        chapter, _ = _ensure_child(
            handreiking,
            HoofdstukPage,
            f"hoofdstuk-{number}",
            title=title,
            summary=f"Samenvatting {number}",
            body=chapter_body(loods, utrecht if number != 2 else besloten, f"Checklist {number}"),
        )
        chapters.append(chapter)
    unpublish(chapters[2])
    verordening, _ = _ensure_child(
        handreiking,
        VerordeningPage,
        "model-leegstandverordening",
        title="Model leegstandverordening",
        articles=json.dumps(
            [
                {
                    "type": "article",
                    "value": {
                        "number": "1",
                        "title": "Begripsbepalingen",
                        "text": "In deze verordening wordt verstaan onder: gebouw.",
                        "explanation": "Uitleg bij begrippen.",
                    },
                },
                {
                    "type": "article",
                    "value": {
                        "number": "2",
                        "title": "Meldplicht",
                        "text": "1. De eigenaar meldt leegstand.\n2. Binnen zes maanden.",
                        "explanation": "",
                    },
                },
            ]
        ),
    )
    publicaties_index, _ = _ensure_child(home_page, PublicatieIndexPage, "publicaties", title="Publicaties")
    import datetime

    brief, _ = _ensure_child(
        publicaties_index,
        PublicatiePage,
        "ledenbrief",
        title="Ledenbrief over leegstand",
        date=datetime.date(2011, 8, 5),
        sender_kind="vng",
        sender="VNG",
        kind="ledenbrief",
        summary="Samenvatting ledenbrief.",
        themas=[erfgoed],
    )
    geheime_brief, _ = _ensure_child(
        publicaties_index,
        PublicatiePage,
        "geheime-brief",
        title="Besloten notitie",
        date=datetime.date(2020, 1, 1),
        sender_kind="gemeente",
        sender="Gemeente X",
        kind="rapport",
        summary="Niet voor iedereen.",
        themas=[erfgoed],
    )
    restrict_to_login(geheime_brief)
    return SimpleNamespace(
        home=home_page,
        themas=SimpleNamespace(erfgoed=erfgoed, kantoren=kantoren),
        instruments_index=instruments_index,
        loods=loods,
        verordening_instr=verordening_instr,
        voorbeelden_index=voorbeelden_index,
        utrecht=utrecht,
        heerlen=heerlen,
        leeuwarden=leeuwarden,
        concept=concept,
        besloten=besloten,
        handreiking_index=handreiking_index,
        handreiking=handreiking,
        chapters=chapters,
        verordening=verordening,
        publicaties_index=publicaties_index,
        brief=brief,
        geheime_brief=geheime_brief,
    )


def make_official(email, name):
    from accounts.services import get_profile, suggest_organisation
    from tests.conftest import make_verified_user

    user = make_verified_user(email)
    profile = get_profile(user)
    profile.name = name
    profile.organisation = suggest_organisation(email)
    profile.save()
    return user


@pytest.fixture
def officials(kb):
    """Two officials of Utrecht (one organisation, one dossier) and one of Amsterdam."""
    from accounts.organisations import sync_reference_organisations

    sync_reference_organisations()
    return {
        "anna": make_official("anna@utrecht.nl", "Anna de Vries"),
        "bram": make_official("bram@utrecht.nl", "Bram Jansen"),
        "carla": make_official("carla@amsterdam.nl", "Carla Smit"),
    }
