"""What a person asked for: the query, filters, sort and page, from and back to a query string."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from .documents import TYPE_LABELS

PAGE_SIZE = 10
MAX_PAGE = 100
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Facet:
    param: str  # query-string parameter
    field: str  # document field
    label: str  # Dutch heading


FACETS = (
    Facet("type", "type", "Soort"),
    Facet("thema", "thema", "Thema"),
    Facet("provincie", "provincie", "Provincie"),
    Facet("vastgoed", "vastgoedtype", "Type vastgoed"),
    Facet("jaar", "year", "Jaar"),
)
SORTS = {"relevantie": "Relevantie", "datum": "Nieuwste eerst"}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevantie"
    page: int = 1
    page_size: int = PAGE_SIZE
    literal: bool = False  # "letterlijk": no spelling correction applied

    @classmethod
    def from_querydict(cls, data) -> SearchParams:
        q = " ".join(data.get("q", "").split())[:MAX_QUERY_LENGTH]
        filters = {}
        for facet in FACETS:
            values = tuple(sorted({v.strip() for v in data.getlist(facet.param) if v.strip()}))[:20]
            if facet.param == "jaar":
                values = tuple(v for v in values if v.isdigit() and len(v) == 4)
            if facet.param == "type":
                values = tuple(v for v in values if v in TYPE_LABELS)
            if values:
                filters[facet.param] = values
        sort = data.get("sort") if data.get("sort") in SORTS else "relevantie"
        try:
            page = min(max(int(data.get("pagina", 1)), 1), MAX_PAGE)
        except ValueError:
            page = 1
        return cls(q=q, filters=filters, sort=sort, page=page, literal=data.get("letterlijk") == "1")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def active(self) -> bool:
        return bool(self.q or self.filters)

    def selected(self, param: str) -> tuple[str, ...]:
        return self.filters.get(param, ())

    def pairs(self) -> list[tuple[str, str]]:
        pairs = [("q", self.q)] if self.q else []
        for facet in FACETS:
            pairs += [(facet.param, value) for value in self.selected(facet.param)]
        if self.sort != "relevantie":
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("pagina", str(self.page)))
        if self.literal:
            pairs.append(("letterlijk", "1"))
        return pairs

    def querystring(self, **changes) -> str:
        return urlencode(replace(self, **changes).pairs())

    def toggled(self, param: str, value: str) -> str:
        """Query string with one facet value switched on or off (back to page 1)."""
        current = set(self.selected(param))
        current ^= {value}
        filters = {k: v for k, v in self.filters.items() if k != param}
        if current:
            filters[param] = tuple(sorted(current))
        return self.querystring(filters=filters, page=1)
