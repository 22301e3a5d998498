"""The zoekterm of the voorbeelden index, asked of the search service (the one door for text).

The service filters by the reader's keys and answers from Elasticsearch or the embedded engine;
here its voorbeeld hits become page ids in the engine's order, within the cases the index shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class TextMatches:
    ranked_pks: list[int]
    notice: str = ""  # Elasticsearch did not answer: the database engine did
    corrected_from: str = ""  # the term as typed, when the engine searched a correction instead
    query: str = ""  # the term searched


def _slug(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def search_voorbeelden(q: str, queryset, user, limit: int) -> TextMatches:
    from search import service
    from search.params import SearchParams

    results = service.search(SearchParams(q=q, filters={"type": ("voorbeeld",)}, page_size=limit), user)
    slugs = [_slug(hit.url) for hit in results.hits]
    # The cases of one index are siblings, so a slug names one of them.
    pks = dict(queryset.filter(slug__in=slugs).values_list("slug", "pk"))
    ranked = list(dict.fromkeys(pks[slug] for slug in slugs if slug in pks))
    return TextMatches(ranked, notice=results.notice, corrected_from=results.corrected_from, query=results.query)
