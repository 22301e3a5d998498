"""The answer to a search, the same shape whichever engine produced it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .documents import TYPE_LABELS

# Fewer documents than this matching every word of a query: tolerate typos, consider a correction.
FEW = 3

# Engines mark highlights with these control characters; everything else is escaped.
HL_START, HL_END = "\x02", "\x03"


def highlighted(text: str) -> SafeString:
    """Escape all text, then turn the highlight markers into <mark> elements."""
    if text.count(HL_START) != text.count(HL_END):
        text = text.replace(HL_START, "").replace(HL_END, "")
    return mark_safe(escape(text).replace(HL_START, "<mark>").replace(HL_END, "</mark>"))


@dataclass
class Hit:
    type: str
    title: SafeString
    url: str
    snippet: SafeString
    date: datetime | None = None
    context: str = ""

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    def as_json(self) -> dict:
        return {
            "type": self.type,
            "type_label": self.type_label,
            "title": str(self.title),
            "url": self.url,
            "snippet": str(self.snippet),
            "date": self.date.isoformat() if self.date else None,
            "context": self.context,
        }


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool
    label: str = ""

    def as_json(self) -> dict:
        return {"value": self.value, "label": self.label or self.value, "count": self.count, "selected": self.selected}


@dataclass
class FacetResult:
    param: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchResults:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: list[FacetResult] = field(default_factory=list)
    suggestion: str = ""  # "bedoelde u ...?"
    engine: str = "elasticsearch"
    notice: str = ""  # shown when Elasticsearch is down and the database answers
    took_ms: float = 0.0
    full_matches: int = 0  # hits on this page with every word of the query
    corrected_from: str = ""  # the literal query, when a confident correction was applied
    query: str = ""  # the query these results are for (the correction, when applied)


def facet_label(param: str, value: str) -> str:
    return TYPE_LABELS.get(value, value) if param == "type" else value
