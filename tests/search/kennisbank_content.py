"""A small handreiking (chapter with heading sections) and a publication with an attached PDF."""

import json
from datetime import date
from io import BytesIO


def pdf_bytes(*paragraphs) -> bytes:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(p, styles["BodyText"]) for p in paragraphs])
    return buffer.getvalue()


def build_handreiking(home):
    from kennisbank.models import HandreikingIndexPage, HandreikingPage, HoofdstukPage

    index = home.add_child(instance=HandreikingIndexPage(title="Handreiking", slug="handreiking"))
    handreiking = index.add_child(instance=HandreikingPage(title="Leegstand te lijf", slug="leegstand-te-lijf"))
    body = [
        {"type": "text", "value": "<p>Dit hoofdstuk gaat over de leegstandverordening.</p>"},
        {"type": "section", "value": {"heading": "Wat regelt de verordening?", "anchor": ""}},
        {
            "type": "text",
            "value": "<p>De verordening regelt een <b>meldplicht</b> voor eigenaren van lege kantoorpanden.</p>",
        },
        {"type": "section", "value": {"heading": "Niet op zichzelf", "anchor": "combineren"}},
        {
            "type": "callout",
            "value": {"kind": "tip", "title": "Combineer", "text": "<p>Combineer met het omgevingsplan.</p>"},
        },
    ]
    chapter = handreiking.add_child(
        instance=HoofdstukPage(title="De leegstandverordening", slug="de-leegstandverordening", body=json.dumps(body))
    )
    return chapter


def build_publicatie(home, text_in_pdf):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from kennisbank.models import PublicatieIndexPage, PublicatiePage

    index = home.add_child(instance=PublicatieIndexPage(title="Publicaties", slug="publicaties"))
    document = get_document_model()(title="Brief")
    document.file.save("brief.pdf", ContentFile(pdf_bytes("Geachte leden,", text_in_pdf)), save=False)
    document.save()
    return index.add_child(
        instance=PublicatiePage(
            title="Statenbrief over kantoren",
            slug="statenbrief",
            date=date(2015, 3, 1),
            sender_kind="provincie",
            sender="Provincie Utrecht, Gedeputeerde Staten",
            kind="statenbrief",
            summary="Over de aanpak van kantoren.",
            document=document,
        )
    )
