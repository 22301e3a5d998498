"""Server-side PDF of a whole handreiking, built with reportlab from live chapter content."""

from html import escape
from html.parser import HTMLParser
from io import BytesIO

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from wagtail.rich_text import expand_db_html

INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "br": "br"}


class _RichTextToFlowables(HTMLParser):
    """Turns Wagtail rich text into reportlab paragraphs and bullet lists (inline markup kept)."""

    def __init__(self, styles):
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.flowables = []
        self.buffer = []
        self.block_style = styles["body"]
        self.list_items = None

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2", "h3", "h4", "li"):
            self._flush()
            self.block_style = self.styles["h3"] if tag in ("h2", "h3", "h4") else self.styles["body"]
        if tag in ("ul", "ol"):
            self._flush()
            self.list_items = []
        elif tag in INLINE:
            self.buffer.append("<br/>" if tag == "br" else f"<{INLINE[tag]}>")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.buffer.append(f'<link href="{escape(href)}" color="#1f4e8c">' if href.startswith("http") else "<u>")
            self._link_closers = getattr(self, "_link_closers", []) + ["</link>" if href.startswith("http") else "</u>"]

    def handle_endtag(self, tag):
        if tag in INLINE and tag != "br":
            self.buffer.append(f"</{INLINE[tag]}>")
        elif tag == "a" and getattr(self, "_link_closers", None):
            self.buffer.append(self._link_closers.pop())
        elif tag == "li":
            text = "".join(self.buffer).strip()
            self.buffer = []
            if self.list_items is not None and text:
                self.list_items.append(ListItem(Paragraph(text, self.styles["body"]), leftIndent=12))
        elif tag in ("ul", "ol"):
            if self.list_items:
                self.flowables.append(ListFlowable(self.list_items, bulletType="bullet", start="•", leftIndent=12))
            self.list_items = None
        elif tag in ("p", "h2", "h3", "h4"):
            self._flush()

    def handle_data(self, data):
        self.buffer.append(escape(data))

    def _flush(self):
        text = "".join(self.buffer).strip()
        self.buffer = []
        if text:
            self.flowables.append(Paragraph(text, self.block_style))

    def close(self):
        super().close()
        self._flush()
        return self.flowables


def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], alignment=TA_LEFT),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], spaceBefore=6),
        "h2": ParagraphStyle("h2", parent=base["Heading2"]),
        "h3": ParagraphStyle("h3", parent=base["Heading3"]),
        "body": ParagraphStyle("body", parent=base["BodyText"], leading=14),
        "box": ParagraphStyle("box", parent=base["BodyText"], backColor="#eef3f8", borderPadding=6, leading=14),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=9, textColor="#555555"),
    }


def rich_text_flowables(html, styles):
    parser = _RichTextToFlowables(styles)
    parser.feed(expand_db_html(html or ""))
    return parser.close()


def _block_flowables(block, styles):
    kind, value = block.block_type, block.value
    if kind == "section":
        return [Paragraph(escape(value["heading"]), styles["h2"])]
    if kind == "text":
        return rich_text_flowables(value.source, styles)
    if kind == "checklist":
        items = [
            ListItem(Paragraph("[  ] " + escape(item["text"]), styles["body"]), leftIndent=12)
            for item in value["items"]
        ]
        return [
            Paragraph(f"<b>Checklist: {escape(value['title'])}</b>", styles["body"]),
            ListFlowable(items, bulletType="bullet", start=""),
        ]
    if kind == "callout":
        label = "Tip" if value["kind"] == "tip" else "Let op"
        title = f"{label}: {value['title']}" if value["title"] else label
        return [Paragraph(f"<b>{escape(title)}</b>", styles["box"]), *rich_text_flowables(value["text"].source, styles)]
    if kind == "quote":
        text = f"“{escape(value['quote'])}”" + (f" — {escape(value['attribution'])}" if value["attribution"] else "")
        return [Paragraph(f"<i>{text}</i>", styles["body"])]
    if kind == "instrument":
        instrument = value["instrument"]
        if instrument is None or not instrument.live:
            return []
        note = f" — {escape(value['note'])}" if value["note"] else ""
        return [Paragraph(f"<b>Instrument:</b> {escape(instrument.title)}{note}", styles["box"])]
    if kind == "cases":
        titles = [escape(case.title) for case in value["cases"] if case is not None and case.live]
        return [Paragraph("<b>Voorbeelden:</b> " + "; ".join(titles), styles["body"])] if titles else []
    if kind == "document":
        document = value["document"]
        return (
            [Paragraph(f"<b>Document:</b> {escape(value['label'] or document.title)}", styles["body"])]
            if document
            else []
        )
    if kind == "table":
        rows = [[escape(str(cell or "")) for cell in row] for row in (value.get("data") or [])]
        if not rows:
            return []
        table = Table([[Paragraph(cell, styles["small"]) for cell in row] for row in rows])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [table]
    return []


def handreiking_pdf(handreiking, chapters):
    """Render the handreiking and the given (already permission-filtered, live) chapters."""
    styles = _styles()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=handreiking.title,
        author="Kennisplatform Leegstand",
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    story = [Paragraph(escape(handreiking.title), styles["title"])]
    if handreiking.summary:
        story.append(Paragraph(escape(handreiking.summary), styles["body"]))
    story += rich_text_flowables(handreiking.intro, styles)
    story += [Spacer(1, 12), Paragraph("Inhoud", styles["h2"])]
    story += [
        Paragraph(f"{number}. {escape(chapter.title)}", styles["body"]) for number, chapter in enumerate(chapters, 1)
    ]
    for number, chapter in enumerate(chapters, 1):
        story += [PageBreak(), Paragraph(f"{number}. {escape(chapter.title)}", styles["h1"])]
        if chapter.summary:
            story.append(Paragraph(f"<i>{escape(chapter.summary)}</i>", styles["body"]))
        for block in chapter.body:
            story += _block_flowables(block, styles)
    document.build(story)
    return buffer.getvalue()
