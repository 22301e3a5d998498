"""Kennisbank pages: handreikingen (per chapter section), instruments, voorbeelden, publicaties."""

from django.utils.text import slugify

from . import register
from .base import PageAdapter, plain_text, text_of

SKIP_KEYS = {"anchor", "instrument", "cases", "document", "kind", "id", "type"}


def _raw_text(value) -> list[str]:
    """All human-readable strings in a block's raw value (rich text stripped, references skipped)."""
    if isinstance(value, str):
        return [plain_text(value)]
    if isinstance(value, list):
        return [text for item in value for text in _raw_text(item)]
    if isinstance(value, dict):
        if "value" in value and "type" in value and len(value) <= 3:  # ListBlock item
            return _raw_text(value["value"])
        return [text for key, item in value.items() if key not in SKIP_KEYS for text in _raw_text(item)]
    return []


def _names(manager) -> list[str]:
    return [thema.name for thema in manager.all()]


def chapter_sections(body):
    """(anchor, heading, text) per section; text before the first heading has anchor ''."""
    sections = [["", "", []]]
    for raw in body.raw_data:
        value = raw.get("value")
        if raw["type"] == "section":
            heading = value.get("heading", "")
            sections.append([slugify(value.get("anchor") or heading) or "sectie", heading, []])
        else:
            sections[-1][2].extend(_raw_text(value))
    return [(anchor, heading, text_of(texts)) for anchor, heading, texts in sections]


@register
class HandreikingAdapter(PageAdapter):
    model = "kennisbank.HandreikingPage"
    type = "handreiking"

    def documents(self, page):
        return [
            self.doc(
                page,
                title=page.title,
                body=text_of([page.summary, plain_text(page.intro)]),
                url=self.page_url(page),
                date=page.last_published_at,
                thema=_names(page.themas),
            )
        ]


@register
class HoofdstukAdapter(PageAdapter):
    """One document per heading section, so a hit jumps to ``url#anchor``."""

    model = "kennisbank.HoofdstukPage"
    type = "handreiking"

    def document_ids(self, page):
        return [self.doc_id(page, anchor) for anchor, _heading, _text in chapter_sections(page.body)]

    def documents(self, page):
        handreiking = page.get_parent().specific
        themas = _names(handreiking.themas) if hasattr(handreiking, "themas") else []
        url = self.page_url(page)
        docs = []
        for anchor, heading, text in chapter_sections(page.body):
            if not anchor:
                docs.append(
                    self.doc(
                        page,
                        title=page.title,
                        body=text_of([page.summary, text]),
                        url=url,
                        context=handreiking.title,
                        date=page.last_published_at,
                        thema=themas,
                    )
                )
            else:
                docs.append(
                    self.doc(
                        page,
                        suffix=anchor,
                        title=heading or page.title,
                        body=text,
                        url=f"{url}#{anchor}",
                        context=f"{handreiking.title} › {page.title}",
                        date=page.last_published_at,
                        thema=themas,
                    )
                )
        return docs


@register
class VerordeningAdapter(PageAdapter):
    model = "kennisbank.VerordeningPage"
    type = "handreiking"

    def documents(self, page):
        parent = page.get_parent()
        return [
            self.doc(
                page,
                title=page.title,
                body=text_of([page.summary, plain_text(page.intro), *_raw_text(page.articles.raw_data)]),
                url=self.page_url(page),
                context=parent.title if parent.depth > 2 else "",
                date=page.last_published_at,
            )
        ]


@register
class InstrumentAdapter(PageAdapter):
    model = "kennisbank.InstrumentPage"
    type = "instrument"

    def documents(self, page):
        return [
            self.doc(
                page,
                title=page.title,
                body=text_of([page.summary, plain_text(page.what_it_does), plain_text(page.when_to_use)]),
                url=self.page_url(page),
                context=page.get_kind_display(),
                date=page.last_published_at,
                thema=_names(page.themas),
            )
        ]


@register
class VoorbeeldAdapter(PageAdapter):
    model = "kennisbank.VoorbeeldPage"
    type = "voorbeeld"

    def queryset(self):
        return super().queryset().select_related("gemeente__provincie").prefetch_related("instrumenten")

    def documents(self, page):
        gemeente = page.gemeente
        return [
            self.doc(
                page,
                title=page.title,
                body=text_of(
                    [page.summary, plain_text(page.situation), plain_text(page.approach), plain_text(page.result)]
                ),
                url=self.page_url(page),
                context=f"Gemeente {gemeente.name}" if gemeente else "",
                date=page.first_published_at,
                year=page.year,
                thema=_names(page.themas),
                provincie=[gemeente.provincie.name] if gemeente else [],
                vastgoedtype=[page.get_property_type_display()] if page.property_type else [],
                instrument=[str(instrument.pk) for instrument in page.instrumenten.all()],
            )
        ]


@register
class PublicatieAdapter(PageAdapter):
    """Publications, including the text of the attached PDF or Office file."""

    model = "kennisbank.PublicatiePage"
    type = "publicatie"

    def queryset(self):
        return super().queryset().select_related("document")

    def documents(self, page):
        from search.extract import document_text

        sender = page.sender or ""
        provincie = [sender.split(",")[0].removeprefix("Provincie ").strip()] if sender.startswith("Provincie ") else []
        return [
            self.doc(
                page,
                title=page.title,
                body=text_of([page.summary, plain_text(page.body), document_text(page.document)]),
                url=self.page_url(page),
                context=text_of([page.get_kind_display(), sender]).replace("\n", " · "),
                date=page.date,
                thema=_names(page.themas),
                provincie=provincie,
            )
        ]
