"""The model verordening as editable files a municipality can adopt: Word (.docx) and
OpenDocument (.odt, on the Dutch government's open-standards list), written from one outline."""

from io import BytesIO

from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
AUTHOR = "Kennisplatform Leegstand"


def outline(page):
    """(kind, text) in reading order; kind is "heading" with a level 0-3, "paragraph" or "page-break"."""
    items = [(("heading", 0), page.title)]
    if page.intro:
        items += _paragraphs(strip_tags(expand_db_html(page.intro).replace("</p>", "</p>\n")))
    explanations = []
    for block in page.articles:
        article = block.value
        items.append((("heading", 2), f"Artikel {article['number']}. {article['title']}"))
        items += _paragraphs(article["text"])
        if article["explanation"]:
            explanations.append(article)
    if explanations:
        items += [(("page-break", None), ""), (("heading", 1), "Toelichting")]
        for article in explanations:
            items.append((("heading", 3), f"Artikel {article['number']}"))
            items += _paragraphs(article["explanation"])
    return items


def _paragraphs(text):
    return [(("paragraph", None), line.strip()) for line in text.splitlines() if line.strip()]


def verordening_docx(page) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = page.title
    document.core_properties.author = AUTHOR
    document.core_properties.language = "nl-NL"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for (kind, level), text in outline(page):
        if kind == "heading":
            document.add_heading(text, level=level)
        elif kind == "page-break":
            document.add_page_break()
        else:
            document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def verordening_odt(page) -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=page.title))
    document.meta.addElement(dc.Language(text="nl-NL"))
    document.meta.addElement(meta.InitialCreator(text=AUTHOR))
    styles = {}
    for level, size in ((0, "20pt"), (1, "16pt"), (2, "13pt"), (3, "11pt")):
        name = "Title" if level == 0 else f"Heading_20_{level}"
        style = Style(name=name, displayname="Title" if level == 0 else f"Heading {level}", family="paragraph")
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.2cm", keepwithnext="always"))
        document.styles.addElement(style)
        styles[level] = style
    page_break = Style(name="Pagina_20_einde", displayname="Pagina einde", family="paragraph")
    page_break.addElement(ParagraphProperties(breakbefore="page"))
    document.automaticstyles.addElement(page_break)
    break_next = False
    for (kind, level), text in outline(page):
        if kind == "page-break":
            break_next = True
            continue
        if kind == "heading":
            element = (
                P(stylename=styles[0], text=text)
                if level == 0
                else H(outlinelevel=level, stylename=styles[level], text=text)
            )
        else:
            element = P(text=text)
        if break_next:
            element.setAttribute("stylename", page_break)
            break_next = False
        document.text.addElement(element)
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()
