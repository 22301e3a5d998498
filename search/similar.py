"""Similar voorbeelden: which cases are most like a page (a voorbeeld or a chapter).

Elasticsearch: a ``more_like_this`` query liking the page's own indexed documents (by id) over
the text fields, with should-clauses for every shared instrument, the vastgoedtype and the
province. The embedded engine (no Elasticsearch, or Elasticsearch down): TF-IDF cosine over the
analysed terms it stores (words, Snowball stems, compound parts), plus the same shared traits.
Both engines filter by the reader's held keys exactly as the search does, return voorbeelden
only and never the page itself. The caller still reads the answer through the access module
(answers may be cached, pages change).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from .backend import elasticsearch_configured
from .breaker import guarded
from .db_engine import readable_ids
from .es_engine import permission_filter
from .index import alias_name
from .models import EmbeddedEntry

TYPE = "voorbeeld"
# What a shared trait adds; the text similarity of either engine is scaled to weigh about as much
# as two shared instruments for a close text match.
INSTRUMENT_BOOST = 3.0
VASTGOEDTYPE_BOOST = 2.5
PROVINCIE_BOOST = 1.5
EMBEDDED_TEXT_WEIGHT = 20.0
# Embedded engine: title words weigh more than body words, compound parts less.
FIELD_WEIGHTS = {"title_terms": 2.0, "body_terms": 1.0, "title_parts": 0.6, "body_parts": 0.3}


@dataclass(frozen=True)
class Like:
    """A page as the engines see it: its own documents and the traits cases can share."""

    object_key: str  # "kennisbank.voorbeeldpage:12"
    doc_ids: tuple[str, ...]
    instruments: tuple[str, ...] = ()
    vastgoedtype: tuple[str, ...] = ()
    provincie: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # object keys never to return besides the page itself

    @property
    def excluded(self) -> list[str]:
        return sorted({self.object_key, *self.exclude})


@dataclass(frozen=True)
class Answer:
    page_ids: list[int]  # voorbeeld pages, most similar first
    engine: str  # "elasticsearch" or "database"
    fallback: bool = False  # the embedded engine answered because Elasticsearch failed


def _trait_clauses(like: Like) -> list[dict]:
    clauses = [{"term": {"instrument": {"value": value, "boost": INSTRUMENT_BOOST}}} for value in like.instruments]
    clauses += [{"terms": {"vastgoedtype": list(like.vastgoedtype), "boost": VASTGOEDTYPE_BOOST}}] * bool(
        like.vastgoedtype
    )
    clauses += [{"terms": {"provincie": list(like.provincie), "boost": PROVINCIE_BOOST}}] * bool(like.provincie)
    return clauses


def build_body(like: Like, keys, size: int) -> dict:
    """The Elasticsearch request: the permission filter of the search, voorbeelden only."""
    more_like_this = {
        "more_like_this": {
            "fields": ["title", "body", "title_stem", "body_stem"],
            "like": [{"_id": doc_id} for doc_id in like.doc_ids],
            # Small collections: a term in one other document already says something, but a
            # term only the page itself has does not (and would crowd out the useful ones).
            "min_term_freq": 1,
            "min_doc_freq": 2,
            "max_query_terms": 40,
            "minimum_should_match": "5%",
        }
    }
    return {
        "size": size,
        "_source": ["object_key"],
        "query": {
            "bool": {
                "filter": [permission_filter(keys), {"term": {"type": TYPE}}],
                "must_not": [{"terms": {"object_key": like.excluded}}],
                "should": [more_like_this, *_trait_clauses(like)],
                "minimum_should_match": 1,
            }
        },
    }


def _page_id(object_key: str) -> int:
    return int(object_key.rpartition(":")[2])


def es_similar(client, index: str, like: Like, keys, size: int) -> list[int]:
    response = client.search(index=index, **build_body(like, keys, size)).body
    return [_page_id(hit["_source"]["object_key"]) for hit in response["hits"]["hits"]]


def _terms(entry) -> Counter:
    counts: Counter = Counter()
    for field, weight in FIELD_WEIGHTS.items():
        for token in (getattr(entry, field) or "").split():
            counts[token] += weight
    return counts


def _tf_idf(counts: Counter, idf: dict[str, float]) -> Counter:
    # Sublinear term frequency: a word repeated ten times is not ten times as telling.
    return Counter({t: (1 + math.log(1 + tf)) * idf[t] for t, tf in counts.items() if t in idf})


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(weight * b[t] for t, weight in a.items() if t in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _traits(entry) -> dict[str, set[str]]:
    return {field: set(entry.facets.get(field, [])) for field in ("instrument", "vastgoedtype", "provincie")}


def embedded_similar(like: Like, keys, size: int) -> list[int]:
    """TF-IDF cosine over the stored analysed terms, document frequencies over the readable
    voorbeelden, plus the shared traits weighted as in the Elasticsearch query."""
    readable = Q(pk__in=readable_ids(keys, TYPE)) & ~Q(object_key__in=like.excluded)
    entries = EmbeddedEntry.objects.filter(readable | Q(object_key=like.object_key))
    own, candidates = [], []
    for entry in entries.only("object_key", "facets", *FIELD_WEIGHTS):
        (own if entry.object_key == like.object_key else candidates).append(entry)
    if not own:
        return []
    terms = {entry.pk: _terms(entry) for entry in candidates}
    liked = sum((_terms(entry) for entry in own), Counter())
    documents = len(terms) + 1
    frequency = Counter(t for counts in [*terms.values(), liked] for t in counts)
    # Terms in every document tell nothing; terms only the page has match nothing.
    idf = {t: math.log(documents / n) for t, n in frequency.items() if 1 < n < documents}
    liked_vector = _tf_idf(liked, idf)
    scored = []
    for entry in candidates:
        traits = _traits(entry)
        score = EMBEDDED_TEXT_WEIGHT * _cosine(liked_vector, _tf_idf(terms[entry.pk], idf))
        score += INSTRUMENT_BOOST * len(traits["instrument"] & set(like.instruments))
        score += VASTGOEDTYPE_BOOST * bool(traits["vastgoedtype"] & set(like.vastgoedtype))
        score += PROVINCIE_BOOST * bool(traits["provincie"] & set(like.provincie))
        if score > 0:
            scored.append((-score, entry.object_key))
    return [_page_id(key) for _score, key in sorted(scored)[:size]]


def similar_voorbeelden(like: Like, keys, size: int) -> Answer:
    """Elasticsearch when configured and answering, else the embedded engine (no error page)."""
    if not elasticsearch_configured():
        return Answer(embedded_similar(like, keys, size), "database")
    return guarded(
        lambda client: Answer(es_similar(client, alias_name(), like, keys, size), "elasticsearch"),
        lambda: Answer(embedded_similar(like, keys, size), "database", fallback=True),
    )
