"""The model verordening as editable files a municipality can adopt: Word (.docx) and
OpenDocument (.odt, on the Dutch government's open-standards list), written from one outline.

A gemeente's own verordening (built with the wizard in ``kennisbank.dossiers``) goes through
the same outline and writers: a ``Filling`` substitutes its answers into the model's articles
(the bracketed placeholders, and the competent body), so there is one writer per format.
"""

import re
from dataclasses import dataclass, field
from io import BytesIO

from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
AUTHOR = "Kennisplatform Leegstand"

PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]")
MODEL_BODY = re.compile(r"\b([Bb])urgemeester en wethouders\b(\s+)?(\w+)?")
# Verbs the model's articles use after "burgemeester en wethouders" (plural), in the singular:
# a singular competent body ("de burgemeester") must not leave "de burgemeester houden" behind.
SINGULAR = {
    "houden": "houdt",
    "nodigen": "nodigt",
    "kunnen": "kan",
    "leggen": "legt",
    "stellen": "stelt",
    "nemen": "neemt",
    "geven": "geeft",
    "maken": "maakt",
    "zenden": "zendt",
    "wijzen": "wijst",
    "dragen": "draagt",
    "besluiten": "besluit",
    "beslissen": "beslist",
    "bepalen": "bepaalt",
    "verlenen": "verleent",
    "zijn": "is",
    "hebben": "heeft",
}


@dataclass(frozen=True)
class Body:
    """The competent body the articles name instead of "burgemeester en wethouders"."""

    name: str  # as in the middle of a sentence: "de burgemeester"
    plural: bool


@dataclass
class Filling:
    """A gemeente's answers, as substitutions into the model's articles.

    ``in_article`` maps a word of an article's title ("meldplicht") to the value for the first
    placeholder of that article that ``everywhere`` does not fill; ``everywhere`` maps a
    placeholder ("[datum]") to its value in every article and explanation.
    """

    title: str
    preamble: list[str] = field(default_factory=list)
    in_article: dict[str, str] = field(default_factory=dict)
    everywhere: dict[str, str] = field(default_factory=dict)
    body: Body | None = None
    annex_title: str = ""
    annex: list[str] = field(default_factory=list)


def page_articles(page) -> list[dict]:
    """The page's articles as plain dicts (what a draft keeps of the model it was built on)."""
    keys = ("number", "title", "text", "explanation")
    return [{key: block.value[key] or "" for key in keys} for block in page.articles]


def outline(page):
    """(kind, text) in reading order; kind is "heading" with a level 0-3, "paragraph" or "page-break"."""
    intro = strip_tags(expand_db_html(page.intro).replace("</p>", "</p>\n")) if page.intro else ""
    return _outline(page.title, _paragraphs(intro), page_articles(page))


def filled_outline(articles, filling: Filling):
    """The outline of a gemeente's own verordening: the model's articles with its answers."""
    filled = fill_articles(articles, filling)
    annex = []
    if filling.annex:
        annex = [(("heading", 1), filling.annex_title), *_paragraphs("\n".join(filling.annex))]
    return _outline(filling.title, _paragraphs("\n".join(filling.preamble)), filled, annex)


def fill_articles(articles, filling: Filling) -> list[dict]:
    """The articles with every answer in its place; numbering and order stay the model's."""
    result = []
    for article in articles:
        filled = dict(article)
        value = next((v for word, v in filling.in_article.items() if word in article["title"].lower()), None)
        for key in ("text", "explanation"):
            text = _fill_everywhere(article[key], filling)
            if key == "text" and value is not None:
                text = PLACEHOLDER.sub(lambda _match, value=value: value, text, count=1)
            filled[key] = text
        result.append(filled)
    return result


def unfilled(articles, filling: Filling) -> tuple[list[str], list[str]]:
    """What the answers could not reach: title words without a matching article (or placeholder
    there), and placeholders left open in the filled text, so the overview can say so."""
    missing = [
        word
        for word in filling.in_article
        if not any(word in a["title"].lower() and _open_placeholders(a["text"], filling) for a in articles)
    ]
    left = [
        match
        for article in fill_articles(articles, filling)
        for key in ("text", "explanation")
        for match in PLACEHOLDER.findall(article[key])
    ]
    return missing, left


def _open_placeholders(text, filling):
    return [m for m in PLACEHOLDER.findall(text) if m not in filling.everywhere]


def _fill_everywhere(text, filling: Filling) -> str:
    for placeholder, value in filling.everywhere.items():
        text = text.replace(placeholder, value)
    if filling.body is not None:
        text = MODEL_BODY.sub(lambda m: _body(m, filling.body), text)
    return text


def _body(match, body: Body) -> str:
    capital, space, word = match.group(1), match.group(2) or "", match.group(3) or ""
    name = body.name[0].upper() + body.name[1:] if capital == "B" else body.name
    if not body.plural and word in SINGULAR:
        word = SINGULAR[word]
    return f"{name}{space}{word}"


def _outline(title, intro, articles, annex=()):
    items = [(("heading", 0), title), *intro]
    for article in articles:
        items.append((("heading", 2), f"Artikel {article['number']}. {article['title']}"))
        items += _paragraphs(article["text"])
    items += annex
    explanations = [article for article in articles if article["explanation"]]
    if explanations:
        items += [(("page-break", None), ""), (("heading", 1), "Toelichting")]
        for article in explanations:
            items.append((("heading", 3), f"Artikel {article['number']}"))
            items += _paragraphs(article["explanation"])
    return items


def _paragraphs(text):
    return [(("paragraph", None), line.strip()) for line in text.splitlines() if line.strip()]


def verordening_docx(page) -> bytes:
    return outline_docx(page.title, outline(page))


def verordening_odt(page) -> bytes:
    return outline_odt(page.title, outline(page))


def outline_docx(title, items) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = AUTHOR
    document.core_properties.language = "nl-NL"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for (kind, level), text in items:
        if kind == "heading":
            document.add_heading(text, level=level)
        elif kind == "page-break":
            document.add_page_break()
        else:
            document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def outline_odt(title, items) -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
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
    for (kind, level), text in items:
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
