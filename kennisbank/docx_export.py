"""The model verordening as an editable Word document a municipality can adopt."""

from io import BytesIO

from django.utils.html import strip_tags
from docx import Document
from docx.shared import Pt
from wagtail.rich_text import expand_db_html


def verordening_docx(page):
    document = Document()
    document.core_properties.title = page.title
    document.core_properties.author = "Kennisplatform Leegstand"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(page.title, level=0)
    if page.intro:
        for paragraph in strip_tags(expand_db_html(page.intro).replace("</p>", "</p>\n")).splitlines():
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    explanations = []
    for block in page.articles:
        article = block.value
        document.add_heading(f"Artikel {article['number']}. {article['title']}", level=2)
        for line in article["text"].splitlines():
            if line.strip():
                document.add_paragraph(line.strip())
        if article["explanation"]:
            explanations.append(article)
    if explanations:
        document.add_page_break()
        document.add_heading("Toelichting", level=1)
        for article in explanations:
            document.add_heading(f"Artikel {article['number']}", level=3)
            for line in article["explanation"].splitlines():
                if line.strip():
                    document.add_paragraph(line.strip())
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
