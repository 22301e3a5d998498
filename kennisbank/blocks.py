"""The shared block library for handreiking chapters and other long-form pages.

Blocks only describe content; templates in templates/kennisbank/blocks/ render it. References to
other pages are rendered only when the reader may read the target (see ``readable_ref_ids``
in the page context), so a draft or closed page never leaks through a link title.
"""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class SectionBlock(blocks.StructBlock):
    """A heading that opens a section; it gets an anchor and an entry in the table of contents."""

    heading = blocks.CharBlock(label="kop", max_length=120)
    anchor = blocks.CharBlock(
        label="anker", required=False, max_length=60, help_text="Laat leeg om het anker uit de kop te maken."
    )

    def get_anchor(self, value):
        return slugify(value.get("anchor") or value.get("heading")) or "sectie"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.get_anchor(value)
        return context

    class Meta:
        label = "sectie (kop)"
        icon = "title"
        template = "kennisbank/blocks/section.html"


class ChecklistItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="punt", max_length=300)
    help = blocks.CharBlock(label="toelichting", required=False, max_length=500)


class ChecklistBlock(blocks.StructBlock):
    """Items a visitor can tick; the state stays in their own browser (localStorage)."""

    title = blocks.CharBlock(label="titel", max_length=120)
    items = blocks.ListBlock(ChecklistItemBlock(), label="punten", min_num=1)

    class Meta:
        label = "checklist"
        icon = "tasks"
        template = "kennisbank/blocks/checklist.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=[("tip", "Tip"), ("let-op", "Let op")], default="tip", label="soort")
    title = blocks.CharBlock(label="titel", required=False, max_length=120)
    text = blocks.RichTextBlock(label="tekst", features=RICH_FEATURES)

    class Meta:
        label = "tip / let op"
        icon = "warning"
        template = "kennisbank/blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="citaat")
    attribution = blocks.CharBlock(label="bron", required=False, max_length=160)

    class Meta:
        label = "citaat"
        icon = "openquote"
        template = "kennisbank/blocks/quote.html"


class InstrumentReferenceBlock(blocks.StructBlock):
    instrument = blocks.PageChooserBlock(label="instrument", page_type="kennisbank.InstrumentPage")
    note = blocks.CharBlock(label="waarom hier", required=False, max_length=300)

    class Meta:
        label = "verwijzing naar instrument"
        icon = "link"
        template = "kennisbank/blocks/instrument_reference.html"


class CaseReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titel", required=False, max_length=120, default="Voorbeelden uit de praktijk")
    cases = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="kennisbank.VoorbeeldPage"), label="voorbeelden", min_num=1
    )

    class Meta:
        label = "verwijzing naar voorbeelden"
        icon = "doc-full"
        template = "kennisbank/blocks/case_reference.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="document")
    label = blocks.CharBlock(label="linktekst", required=False, max_length=160)

    class Meta:
        label = "document om te downloaden"
        icon = "download"
        template = "kennisbank/blocks/document_download.html"


class ChapterBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    text = blocks.RichTextBlock(label="tekst", features=RICH_FEATURES, template="kennisbank/blocks/text.html")
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    instrument = InstrumentReferenceBlock()
    cases = CaseReferenceBlock()
    document = DocumentDownloadBlock()
    table = TableBlock(label="tabel", template="kennisbank/blocks/table.html")


class ArticleBlock(blocks.StructBlock):
    """One article of the model leegstandverordening."""

    number = blocks.CharBlock(label="artikelnummer", max_length=10)
    title = blocks.CharBlock(label="titel", max_length=160)
    text = blocks.TextBlock(label="tekst", help_text="Leden op een eigen regel.")
    explanation = blocks.TextBlock(label="toelichting", required=False)

    class Meta:
        label = "artikel"
        icon = "list-ol"
        template = "kennisbank/blocks/article.html"


def table_of_contents(body):
    """(anchor, heading) for every section block, in order."""
    entries = []
    for block in body:
        if block.block_type == "section":
            entries.append((block.block.get_anchor(block.value), block.value["heading"]))
    return entries


def _raw_list_ids(raw_list):
    """ListBlock raw data is either plain ids or (since Wagtail 2.16) {"type": "item", "value": id}."""
    for item in raw_list or []:
        value = item.get("value") if isinstance(item, dict) else item
        if value:
            yield value


def referenced_page_ids(body):
    """Ids of all pages referenced by instrument and case blocks, read from the raw data (no queries)."""
    ids = set()
    for raw in body.raw_data:
        if raw["type"] == "instrument" and raw["value"].get("instrument"):
            ids.add(raw["value"]["instrument"])
        elif raw["type"] == "cases":
            ids.update(_raw_list_ids(raw["value"].get("cases")))
    return ids


def instrument_ids_in(body):
    return {
        raw["value"]["instrument"]
        for raw in body.raw_data
        if raw["type"] == "instrument" and raw["value"].get("instrument")
    }


def case_ids_in(body):
    ids = set()
    for raw in body.raw_data:
        if raw["type"] == "cases":
            ids.update(_raw_list_ids(raw["value"].get("cases")))
    return ids
