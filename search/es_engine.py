"""The one query builder for Elasticsearch, used by the page, the JSON API and the benchmark.

Every request carries the permission filter (a ``terms`` filter on ``read_keys`` with the
person's held keys) in the query itself, so hits, highlights, facet counts and suggestions
all come from documents the person may read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .analysis import QueryTerm, analyse_query
from .highlight import mark, query_forms, snippet
from .params import FACETS, SearchParams
from .results import FEW, FacetResult, FacetValue, Hit, SearchResults, facet_label, highlighted

MAX_TOTAL = 10_000  # counting beyond this costs time and helps nobody
FACET_SIZE = 25


def permission_filter(keys) -> dict:
    return {"terms": {"read_keys": sorted(keys)}}


# A document's score is (number of query terms it matches) x TIER + relevance, so documents
# with all words come first, then those missing one, ... down to any word: never empty when a
# word matches, and precision at the top. Relevance scores stay far below TIER.
TIER = 1000


def term_query(term: QueryTerm, fuzzy: bool = False) -> dict:
    """Every form one query term may take in a document, the best one counting."""
    stems = " ".join(term.stems)
    forms = [
        # hunspell stems and exact words as written
        {"multi_match": {"query": term.text, "fields": ["title^4", "context^1.5", "body"], "operator": "and"}},
        {"multi_match": {"query": term.text, "fields": ["title.exact^5", "body.exact^1.5"], "operator": "and"}},
        # Snowball stems (verb forms, participles, nouns of one verb)
        {"multi_match": {"query": stems, "fields": ["title_stem^4", "body_stem"], "operator": "and"}},
        # the word as a part of a compound in the document ("winkel" finds "winkelstraat")
        {"multi_match": {"query": stems, "fields": ["title_parts^2", "body_parts^0.5"], "operator": "and"}},
    ]
    alternatives = [term.parts] if term.parts else []
    alternatives += term.synonyms
    for index, alternative in enumerate(alternatives):
        # compound parts written apart ("transformatie van kantoren"), then synonyms: lower weight
        forms.append(
            {
                "multi_match": {
                    "query": " ".join(alternative),
                    "fields": ["title_stem^2", "body_stem^0.6", "title_parts^1.5", "body_parts^0.4"],
                    "type": "cross_fields",
                    "operator": "and",
                    "boost": 0.8 if term.parts and index == 0 else 0.6,
                }
            }
        )
    if fuzzy:
        # Few results: tolerate typos on the stemmed fields (costly, so only then). Not on the
        # exact fields: that doubled the retry's cost (the p95) and changed no judged result.
        forms += [
            {
                "multi_match": {
                    "query": query,
                    "fields": fields,
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "operator": "and",
                    "boost": 0.5,
                }
            }
            for query, fields in (
                (term.text, ["title^2", "body^0.5"]),
                (stems, ["title_stem^2", "body_stem^0.5"]),
            )
        ]
    return {
        "function_score": {
            "query": {"dis_max": {"queries": forms, "tie_breaker": 0.5}},
            "functions": [{"weight": TIER}],
            "boost_mode": "sum",
        }
    }


def text_query(q: str, terms: list[QueryTerm], fuzzy: bool = False) -> dict:
    if not terms:  # only stop words: match them as written
        return {"multi_match": {"query": q, "fields": ["title.exact^4", "body.exact"]}}
    return {
        "bool": {
            "must": [{"bool": {"should": [term_query(t, fuzzy) for t in terms], "minimum_should_match": 1}}],
            # the words together, as a phrase: on top within their tier
            "should": [
                {"match_phrase": {"title.exact": {"query": q, "boost": 10, "slop": 1}}},
                {"match_phrase": {"body.exact": {"query": q, "boost": 8, "slop": 2}}},
            ],
        }
    }


def facet_filters(params: SearchParams) -> dict[str, dict]:
    by_param = {facet.param: facet for facet in FACETS}
    return {
        param: {"terms": {by_param[param].field: list(values)}}
        for param, values in params.filters.items()
        if param in by_param
    }


def build_search_body(
    params: SearchParams, keys, *, with_suggest: bool = False, fuzzy: bool = False, terms=None
) -> dict:
    """Query with the permission filter; selected facets as post_filter so that each facet
    counts what the *other* selections leave (multi-select facets), never unreadable documents.
    ``terms``: ``analyse_query(params.q)``, when the caller has it already."""
    filters = facet_filters(params)
    query = {"bool": {"filter": [permission_filter(keys)]}}
    if params.q:
        terms = analyse_query(params.q) if terms is None else terms
        query["bool"]["must"] = [text_query(params.q, terms, fuzzy=fuzzy)]
    aggs = {}
    for facet in FACETS:
        others = [f for param, f in filters.items() if param != facet.param]
        terms = {"field": facet.field, "size": FACET_SIZE}
        if facet.param == "jaar":
            terms["order"] = {"_key": "desc"}
        if others:
            aggs[facet.param] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": {"terms": terms}}}
        else:  # nothing else selected: skip the wrapper, it costs a pass over every hit
            aggs[facet.param] = {"terms": terms}
    body = {
        "query": query,
        "aggs": aggs,
        "from": params.offset,
        "size": params.page_size,
        "track_total_hits": MAX_TOTAL,
        "_source": ["type", "title", "url", "date", "context", "body"],
    }
    if filters:
        body["post_filter"] = {"bool": {"filter": list(filters.values())}}
    if params.sort == "datum":
        body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
        body["track_scores"] = True  # the tier of each hit tells whether results are few
    if params.q and with_suggest:
        body["suggest"] = suggest_block(params.q)
    return body


def suggest_block(q: str) -> dict:
    return {
        "spelling": {
            "text": q,
            "phrase": {
                "field": "spell",
                "size": 3,
                "max_errors": 2,
                "confidence": 0.0,
                "direct_generator": [{"field": "spell", "suggest_mode": "always", "min_word_length": 3}],
            },
        }
    }


def parse_hits(response: dict, terms: list[QueryTerm]) -> list[Hit]:
    forms = query_forms(terms)
    hits = []
    for raw in response["hits"]["hits"]:
        source = raw["_source"]
        hits.append(
            Hit(
                type=source["type"],
                title=highlighted(mark(source.get("title") or "", forms)),
                url=source["url"],
                snippet=highlighted(snippet(source.get("body") or "", forms)),
                date=datetime.fromisoformat(source["date"]) if source.get("date") else None,
                context=source.get("context") or "",
            )
        )
    return hits


def full_matches(response: dict, terms: list[QueryTerm]) -> int:
    """Hits on this page that match every term of the query (the top tier)."""
    needed = len(terms) * TIER
    return sum(1 for hit in response["hits"]["hits"] if (hit.get("_score") or 0) >= needed)


def parse_facets(response: dict, params: SearchParams) -> list[FacetResult]:
    result = []
    for facet in FACETS:
        agg = response["aggregations"][facet.param]
        buckets = (agg["values"] if "values" in agg else agg)["buckets"]
        selected = set(params.selected(facet.param))
        values = [
            FacetValue(
                str(b["key"]), b["doc_count"], str(b["key"]) in selected, facet_label(facet.param, str(b["key"]))
            )
            for b in buckets
        ]
        # A selected value stays visible (to switch it off) even when nothing matches now.
        values += [FacetValue(v, 0, True, facet_label(facet.param, v)) for v in selected - {fv.value for fv in values}]
        result.append(FacetResult(facet.param, facet.label, values))
    return result


def spelling_candidates(response: dict) -> list[str]:
    options = response.get("suggest", {}).get("spelling", [{}])
    return [option["text"] for entry in options for option in entry.get("options", [])]


def _answer(response: dict, params: SearchParams, terms: list[QueryTerm], **extra) -> SearchResults:
    return SearchResults(
        hits=parse_hits(response, terms),
        total=response["hits"]["total"]["value"],
        facets=parse_facets(response, params),
        engine="elasticsearch",
        took_ms=response.get("took", 0),
        full_matches=full_matches(response, terms) if params.q else 0,
        query=params.q,
        **extra,
    )


def _few(results: SearchResults, params: SearchParams) -> bool:
    """Fewer than ``FEW`` documents with every term. Sorted by relevance the tiers are in order,
    so a page that still holds full matches had only full matches before it."""
    full = results.full_matches
    if full and params.sort == "relevantie":
        full += params.offset
    return full < FEW


def _msearch(client, index: str, bodies: list[dict]) -> list[dict]:
    searches = []
    for body in bodies:
        searches += [{"index": index}, body]
    return client.msearch(searches=searches)["responses"] if bodies else []


def search(client, index: str, params: SearchParams, keys) -> SearchResults:
    """All words > most > any; when few documents match every word: typo-tolerant matching,
    and a confident correction (no readable document has all words, a suggestion's words all
    occur) is applied, with the literal query one click away (``letterlijk``).

    At most three requests, and two for a typo: the phrase suggester rides along with the first
    (it costs a few per cent of it), the candidates are checked together in one ``msearch``, and
    the costly fuzzy query runs only when no correction is applied, beside the candidates when
    some documents had every word (a correction can then only be offered, not applied)."""
    # Analysed once per query (it reads the synonym version from the shared cache).
    terms = analyse_query(params.q) if params.q else []
    correcting = bool(params.q) and not params.literal
    response = client.search(index=index, **build_search_body(params, keys, with_suggest=correcting, terms=terms))
    results = _answer(response.body, params, terms)
    if not correcting or not _few(results, params):
        return results
    # Each candidate is searched in full with the permission filter: only words this person may
    # read can be suggested, and the first with a document holding all its words wins.
    candidates = [c for c in dict.fromkeys(spelling_candidates(response.body)) if c.lower() != params.q.lower()][:3]
    candidate_terms = [analyse_query(candidate) for candidate in candidates]
    bodies = [
        build_search_body(replace(params, q=candidate), keys, terms=t)
        for candidate, t in zip(candidates, candidate_terms, strict=True)
    ]
    fuzzy_body = build_search_body(params, keys, fuzzy=True, terms=terms)
    retry = None
    answers = _msearch(client, index, bodies if results.full_matches == 0 else [*bodies, fuzzy_body])
    if len(answers) > len(bodies):
        retry = answers.pop()
    for candidate, t, answer in zip(candidates, candidate_terms, answers, strict=True):
        if "error" in answer or not full_matches(answer, t):
            continue
        if results.full_matches == 0:
            return _answer(answer, replace(params, q=candidate), t, corrected_from=params.q)
        results.suggestion = candidate
        break
    if retry is None or "error" in retry:  # (an error raises here, as a search of its own)
        retry = client.search(index=index, **fuzzy_body).body
    fuzzy = _answer(retry, params, terms, suggestion=results.suggestion)
    return fuzzy if fuzzy.full_matches > results.full_matches or not results.total else results


def title_suggestions(client, index: str, q: str, keys, size: int = 8) -> list[dict]:
    """Type-ahead: titles of readable documents that start with (words of) what was typed."""
    response = client.search(
        index=index,
        size=size * 2,
        _source=["title", "url", "type", "context"],
        query={
            "bool": {
                "filter": [permission_filter(keys)],
                "must": [{"match_bool_prefix": {"title.exact": {"query": q, "operator": "and"}}}],
                "should": [{"match_phrase_prefix": {"title.exact": {"query": q, "boost": 3}}}],
            }
        },
    )
    seen, result = set(), []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        if source["title"].lower() in seen:
            continue
        seen.add(source["title"].lower())
        result.append(
            {
                "title": source["title"],
                "url": source["url"],
                "type": source["type"],
                "context": source.get("context", ""),
            }
        )
    return result[:size]
