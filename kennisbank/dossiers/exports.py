"""The dossier as a document for a collegevoorstel: PDF (WeasyPrint), .docx and .odt."""

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from accounts.services import display_name

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
PDF_TYPE = "application/pdf"


def tick_line(item) -> str:
    if not item.tick:
        return "Nog niet afgevinkt."
    when = date_format(timezone.localtime(item.tick.ticked_at), "j F Y H:i")
    return f"Afgevinkt door {display_name(item.tick.ticked_by)} op {when}."


def outline(organisation, contents):
    """The document as (style, text) lines; the .docx and .odt writers only lay them out."""
    lines = [("title", f"Dossier leegstandsaanpak – {organisation.name}")]
    lines.append(("p", f"Stand van zaken op {date_format(timezone.localdate(), 'j F Y')}."))
    for handreiking, chapters in contents:
        lines.append(("h1", handreiking.title))
        for chapter in chapters:
            lines.append(("h2", f"{chapter.page.title} ({chapter.done} van {chapter.total} punten)"))
            for checklist in chapter.checklists:
                lines.append(("h3", checklist.title))
                for item in checklist.items:
                    lines.append(("item", ("☑ " if item.tick else "☐ ") + item.text))
                    lines.append(("meta", tick_line(item)))
                    if item.tick and item.tick.note:
                        lines.append(("meta", f"Notitie: {item.tick.note}"))
    return lines


def dossier_docx(organisation, contents) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = f"Dossier {organisation.name}"
    levels = {"title": 0, "h1": 1, "h2": 2, "h3": 3}
    for style, text in outline(organisation, contents):
        if style in levels:
            document.add_heading(text, level=levels[style])
        elif style == "meta":
            document.add_paragraph(text).runs[0].italic = True
        else:
            document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def dossier_odt(organisation, contents) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    meta_style = Style(name="Toelichting", family="paragraph")
    meta_style.addElement(TextProperties(fontstyle="italic"))
    meta_style.addElement(ParagraphProperties(marginleft="0.5cm"))
    document.styles.addElement(meta_style)
    levels = {"title": 1, "h1": 1, "h2": 2, "h3": 3}
    for style, text in outline(organisation, contents):
        if style in levels:
            document.text.addElement(H(outlinelevel=levels[style], text=text))
        elif style == "meta":
            document.text.addElement(P(stylename=meta_style, text=text))
        else:
            document.text.addElement(P(text=text))
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def dossier_pdf(organisation, contents) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "dossiers/export_pdf.html", {"organisation": organisation, "lines": outline(organisation, contents)}
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
