"""Demo content for the kennisbank (run by `manage.py loaddemo`). Idempotent: existing pages stay as they are."""

import json
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from kennisbank import demo_chapters, demo_content, demo_documents
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
from kennisplatform.demo import ensure_home_page
from kennisplatform.words import counted


def _ensure_child(parent, model, slug, revision=True, **fields):
    """The child page with this slug, created and published once; returns (page, created)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    m2m = {name: fields.pop(name) for name in ("themas", "instrumenten") if name in fields}
    page = model(slug=slug, **fields)
    for name, values in m2m.items():
        getattr(page, name).set(values)
    parent.add_child(instance=page)
    if revision:  # a first revision gives editors a history; tests can skip it for speed
        page.save_revision(log_action=False).publish(log_action=False)
    return page, True


def _themas():
    themas = {}
    for slug, name, description in demo_content.THEMAS:
        themas[slug], _ = Thema.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
    return themas


def _instruments(home, themas):
    index, _ = _ensure_child(
        home,
        InstrumentIndexPage,
        "instrumenten",
        title="Instrumenten",
        intro="<p>Welke middelen heeft een gemeente om leegstand aan te pakken? Filter op soort instrument en zie in welke hoofdstukken en voorbeelden ze terugkomen.</p>",
        search_description="Juridische, planologische, financiële, organisatorische en communicatieve instrumenten tegen leegstand.",
    )
    pages = {}
    for slug, (title, kind, summary, what, when, thema_slugs) in demo_content.INSTRUMENTEN.items():
        pages[slug], _ = _ensure_child(
            index,
            InstrumentPage,
            slug,
            title=title,
            kind=kind,
            summary=summary,
            what_it_does=what,
            when_to_use=when,
            themas=[themas[t] for t in thema_slugs],
        )
    return pages


def _voorbeelden(home, themas, instruments):
    index, _ = _ensure_child(
        home,
        VoorbeeldIndexPage,
        "voorbeelden",
        title="Voorbeelden uit de praktijk",
        intro="<p>Hoe pakten gemeenten leegstand aan? Filter op provincie, gemeente, soort vastgoed, instrument of thema. <em>De voorbeelden in deze demonstratie zijn ter illustratie geschreven.</em></p>",
        search_description="Voorbeelden van gemeenten die leegstaande kantoren, winkels, erfgoed en boerderijen een nieuwe functie gaven.",
    )
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    pages = {}
    for slug, data in demo_content.VOORBEELDEN.items():
        data = dict(data)
        name, role, contact_code, email, email_public = data.pop("contact")
        location_name, latitude, longitude = data.pop("location", ("", None, None))
        pages[slug], _ = _ensure_child(
            index,
            VoorbeeldPage,
            slug,
            gemeente=gemeenten[data.pop("gemeente")],
            instrumenten=[instruments[s] for s in data.pop("instrumenten")],
            themas=[themas[s] for s in data.pop("themas")],
            contact_name=name,
            contact_role=role,
            contact_gemeente=gemeenten[contact_code],
            contact_email=email,
            contact_email_public=email_public,
            location_name=location_name,
            latitude=Decimal(str(latitude)) if latitude is not None else None,
            longitude=Decimal(str(longitude)) if longitude is not None else None,
            **data,
        )
    return pages


def _resolve(block, instruments, voorbeelden):
    if block["type"] == "instrument":
        block["value"]["instrument"] = instruments[block["value"]["instrument"]].pk
    elif block["type"] == "cases":
        block["value"]["cases"] = [voorbeelden[slug].pk for slug in block["value"]["cases"]]
    return block


def _handreiking(home, themas, instruments, voorbeelden):
    index, _ = _ensure_child(
        home,
        HandreikingIndexPage,
        "handreiking",
        title="Handreiking",
        intro="<p>Handreikingen helpen gemeenten stap voor stap bij de aanpak van leegstand.</p>",
    )
    data = demo_chapters.HANDREIKING
    handreiking, _ = _ensure_child(
        index,
        HandreikingPage,
        "leegstand-te-lijf",
        title=data["title"],
        summary=data["summary"],
        intro=data["intro"],
        themas=[themas["kantorentransformatie"], themas["winkelgebieden"], themas["ruimtelijke-ordening"]],
    )
    for slug, title, summary, blocks in demo_chapters.CHAPTERS:
        body = [_resolve(json.loads(json.dumps(block)), instruments, voorbeelden) for block in blocks]
        _ensure_child(handreiking, HoofdstukPage, slug, title=title, summary=summary, body=json.dumps(body))
    verordening = demo_documents.VERORDENING
    articles = [
        {"type": "article", "value": {"number": n, "title": t, "text": text, "explanation": note}}
        for n, t, text, note in verordening["articles"]
    ]
    _ensure_child(
        handreiking,
        VerordeningPage,
        "model-leegstandverordening",
        title=verordening["title"],
        summary=verordening["summary"],
        intro=verordening["intro"],
        articles=json.dumps(articles),
    )
    return handreiking


def _letter_pdf(title, sender, date, summary):
    """A one-page accessible PDF standing in for the real letter (same renderer as the handreiking)."""
    from django.utils.html import format_html
    from weasyprint import HTML

    from kennisbank.pdf import PDF_VARIANT

    html = format_html(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{}</title></head>'
        "<body style=\"font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif\">"
        "<h1>{}</h1><p>{}, {}</p><h2>Samenvatting (Kennisplatform Leegstand)</h2><p>{}</p></body></html>",
        title,
        title,
        sender,
        f"{date:%d-%m-%Y}",
        summary,
    )
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def _publicaties(home, themas):
    index, _ = _ensure_child(
        home,
        PublicatieIndexPage,
        "publicaties",
        title="Publicaties",
        intro="<p>Ledenbrieven, Kamerbrieven, Statenbrieven en rapporten over leegstand en ruimtelijke ordening.</p>",
    )
    Document = get_document_model()
    for slug, title, date, sender_kind, sender, kind, summary in demo_documents.PUBLICATIES:
        if PublicatiePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        document = Document(title=title)
        document.file.save(f"{slug}.pdf", ContentFile(_letter_pdf(title, sender, date, summary)), save=False)
        document.save()
        _ensure_child(
            index,
            PublicatiePage,
            slug,
            title=title,
            date=date,
            sender_kind=sender_kind,
            sender=sender,
            kind=kind,
            summary=summary,
            document=document,
            themas=[themas["ruimtelijke-ordening"]],
        )


@transaction.atomic
def load(stdout):
    home = ensure_home_page()
    themas = _themas()
    instruments = _instruments(home, themas)
    voorbeelden = _voorbeelden(home, themas, instruments)
    _handreiking(home, themas, instruments, voorbeelden)
    _publicaties(home, themas)
    stdout.write(
        f"Kennisbank klaar: {counted(HoofdstukPage.objects.count(), 'hoofdstuk', 'hoofdstukken')}, "
        f"{counted(InstrumentPage.objects.count(), 'instrument', 'instrumenten')}, "
        f"{counted(VoorbeeldPage.objects.count(), 'voorbeeld', 'voorbeelden')}, "
        f"{counted(PublicatiePage.objects.count(), 'publicatie', 'publicaties')}."
    )
