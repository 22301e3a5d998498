"""The embedded fallback: the same adapters and documents, searched in Python from the database.

Used when ELASTICSEARCH_URL is not set (``make run``) and when Elasticsearch is down. It has
fewer features (no stemming, synonyms or spelling suggestions; crude word-start matching),
but the same permission rules: objects come from the access module's readable querysets and
every document's read keys are checked again.
"""

from __future__ import annotations

import re
import time

from kennisplatform import access

from .documents import adapters
from .params import FACETS, SearchParams
from .results import HL_END, HL_START, FacetResult, FacetValue, Hit, SearchResults, facet_label, highlighted

MAX_OBJECTS_PER_TYPE = 2000
SNIPPET_CHARS = 200
WORD = re.compile(r"\w+", re.UNICODE)


def _stem(word: str) -> str:
    # Word start as a poor man's stemmer: herbestemming ~ herbestemmen ~ herbestemd.
    return word[: max(5, len(word) - 3)] if len(word) > 6 else word


def _terms(q: str) -> list[str]:
    return [_stem(w) for w in WORD.findall(q.lower()) if len(w) > 1]


def readable_documents(user):
    keys = access.held_keys(user)
    for adapter in adapters():
        for obj in adapter.readable_queryset(user)[:MAX_OBJECTS_PER_TYPE]:
            for doc in adapter.readable_documents(obj):
                if access.keys_overlap(doc.read_keys, keys):
                    yield doc


def _score(doc, terms) -> float:
    title, body, context = doc.title.lower(), doc.body.lower(), doc.context.lower()
    score = 0.0
    for term in terms:
        found = 3 * title.count(term) + body.count(term) + context.count(term)
        if not found:
            return 0.0
        score += found
    return score


def _mark(text: str, terms: list[str]) -> str:
    if not terms:
        return text
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda m: f"{HL_START}{m.group(0)}{HL_END}", text)


def _snippet(body: str, terms: list[str]) -> str:
    lowered = body.lower()
    positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
    start = max(min(positions) - 60, 0) if positions else 0
    piece = body[start : start + SNIPPET_CHARS]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")


def _values(doc, field: str) -> list[str]:
    value = getattr(doc, field)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _passes(doc, params: SearchParams, skip: str | None = None) -> bool:
    for facet in FACETS:
        selected = params.selected(facet.param)
        if facet.param != skip and selected and not set(_values(doc, facet.field)) & set(selected):
            return False
    return True


def search(params: SearchParams, user, notice: str = "") -> SearchResults:
    started = time.perf_counter()
    terms = _terms(params.q)
    matched = []
    for doc in readable_documents(user):
        score = _score(doc, terms) if terms else 1.0
        if score:
            matched.append((score, doc))
    facets = []
    for facet in FACETS:
        counts: dict[str, int] = {}
        for _, doc in matched:
            if _passes(doc, params, skip=facet.param):
                for value in _values(doc, facet.field):
                    counts[value] = counts.get(value, 0) + 1
        selected = set(params.selected(facet.param))
        order = sorted(
            counts.items(),
            key=(lambda kv: kv[0]) if facet.param == "jaar" else (lambda kv: (-kv[1], kv[0])),
            reverse=facet.param == "jaar",
        )
        values = [FacetValue(v, n, v in selected, facet_label(facet.param, v)) for v, n in order]
        values += [FacetValue(v, 0, True, facet_label(facet.param, v)) for v in selected - set(counts)]
        facets.append(FacetResult(facet.param, facet.label, values))
    filtered = [(s, d) for s, d in matched if _passes(d, params)]
    if params.sort == "datum":
        filtered.sort(key=lambda sd: (sd[1].sort_date is not None, sd[1].sort_date or 0, sd[0]), reverse=True)
    else:
        filtered.sort(key=lambda sd: (sd[0], sd[1].sort_date is not None, sd[1].sort_date or 0), reverse=True)
    page = filtered[params.offset : params.offset + params.page_size]
    hits = [
        Hit(
            type=doc.type,
            title=highlighted(_mark(doc.title, terms)),
            url=doc.url,
            snippet=highlighted(_mark(_snippet(doc.body, terms), terms)),
            date=doc.sort_date,
            context=doc.context,
        )
        for _s, doc in page
    ]
    return SearchResults(
        hits=hits,
        total=len(filtered),
        facets=facets,
        engine="database",
        notice=notice,
        took_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def title_suggestions(q: str, user, size: int = 8) -> list[dict]:
    terms = [w for w in WORD.findall(q.lower())]
    if not terms:
        return []
    result, seen = [], set()
    for doc in readable_documents(user):
        words = WORD.findall(doc.title.lower())
        if all(any(w.startswith(t) for w in words) for t in terms) and doc.title.lower() not in seen:
            seen.add(doc.title.lower())
            result.append({"title": doc.title, "url": doc.url, "type": doc.type, "context": doc.context})
            if len(result) >= size:
                break
    return result
