"""The one query builder for Elasticsearch, used by the page, the JSON API and the benchmark.

Every request carries the permission filter (a ``terms`` filter on ``read_keys`` with the
person's held keys) in the query itself, so hits, highlights, facet counts and suggestions
all come from documents the person may read.
"""

from __future__ import annotations

from datetime import datetime

from .analysis import query_alternatives
from .params import FACETS, SearchParams
from .results import HL_END, HL_START, FacetResult, FacetValue, Hit, SearchResults, facet_label, highlighted

SNIPPET_CHARS = 200
MAX_TOTAL = 10_000  # counting beyond this costs time and helps nobody
FACET_SIZE = 25


def permission_filter(keys) -> dict:
    return {"terms": {"read_keys": sorted(keys)}}


def text_query(q: str, fuzzy: bool = False) -> dict:
    """Stemmed matches for recall; exact words, phrases and titles for precision; synonyms and
    compound parts as lower-weighted alternatives. ``fuzzy`` adds a typo-tolerant match on the
    exact words (used as a second try when the plain query finds nothing: it is costly)."""
    mm = "2<70%"
    should = [
        # cross_fields: the words may be spread over title and body (term-centric scoring).
        {
            "multi_match": {
                "query": q,
                "fields": ["title^4", "context^1.5", "body"],
                "type": "cross_fields",
                "minimum_should_match": mm,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": ["title.exact^6", "body.exact^2"],
                "type": "cross_fields",
                "minimum_should_match": mm,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": ["title_parts^2", "body_parts^0.5"],
                "type": "cross_fields",
                "minimum_should_match": mm,
            }
        },
        {"match_phrase": {"title.exact": {"query": q, "boost": 10, "slop": 1}}},
        {"match_phrase": {"body.exact": {"query": q, "boost": 4, "slop": 2}}},
    ]
    for alternative in query_alternatives(q):
        should.append(
            {
                "multi_match": {
                    "query": alternative,
                    "fields": ["title^2", "body^0.6", "title_parts^1.5", "body_parts^0.4"],
                    "type": "cross_fields",
                    "minimum_should_match": mm,
                    "boost": 0.6,
                }
            }
        )
    if fuzzy:
        should.append(
            {
                "multi_match": {
                    "query": q,
                    "fields": ["title.exact^2", "body.exact^0.5"],
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "minimum_should_match": mm,
                }
            }
        )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def highlight_query(q: str) -> dict:
    # A simple query for highlighting: the full query (fuzzy, phrases) is slow to highlight.
    alternatives = [{"multi_match": {"query": alt, "fields": ["title", "body"]}} for alt in query_alternatives(q)]
    return {"bool": {"should": [{"multi_match": {"query": q, "fields": ["title", "body"]}}, *alternatives]}}


def facet_filters(params: SearchParams) -> dict[str, dict]:
    by_param = {facet.param: facet for facet in FACETS}
    return {
        param: {"terms": {by_param[param].field: list(values)}}
        for param, values in params.filters.items()
        if param in by_param
    }


def build_search_body(params: SearchParams, keys, *, with_suggest: bool = False, fuzzy: bool = False) -> dict:
    """Query with the permission filter; selected facets as post_filter so that each facet
    counts what the *other* selections leave (multi-select facets), never unreadable documents."""
    filters = facet_filters(params)
    query = {"bool": {"filter": [permission_filter(keys)]}}
    if params.q:
        query["bool"]["must"] = [text_query(params.q, fuzzy=fuzzy)]
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
    if params.q:
        body["highlight"] = {
            "pre_tags": [HL_START],
            "post_tags": [HL_END],
            "highlight_query": highlight_query(params.q),
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1},
            },
        }
    if filters:
        body["post_filter"] = {"bool": {"filter": list(filters.values())}}
    if params.sort == "datum":
        body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
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


def _snippet(source: dict, highlight: dict) -> str:
    for name in ("body",):
        if highlight.get(name):
            return highlight[name][0]
    body = source.get("body") or ""
    return body[:SNIPPET_CHARS] + ("…" if len(body) > SNIPPET_CHARS else "")


def _title(source: dict, highlight: dict) -> str:
    for name in ("title",):
        if highlight.get(name):
            return highlight[name][0]
    return source.get("title") or ""


def parse_hits(response: dict) -> list[Hit]:
    hits = []
    for raw in response["hits"]["hits"]:
        source, highlight = raw["_source"], raw.get("highlight", {})
        hits.append(
            Hit(
                type=source["type"],
                title=highlighted(_title(source, highlight)),
                url=source["url"],
                snippet=highlighted(_snippet(source, highlight)),
                date=datetime.fromisoformat(source["date"]) if source.get("date") else None,
                context=source.get("context") or "",
            )
        )
    return hits


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


def validated_suggestion(client, index: str, candidates: list[str], keys, q: str, total: int = 0) -> str:
    """The first candidate whose every word occurs in more documents this person may read
    than the query itself found.

    The phrase suggester draws words from the whole index; checking each candidate with the
    permission filter is what keeps restricted words from ever being suggested.
    """
    candidates = [c for c in dict.fromkeys(candidates) if c.lower() != q.lower()]
    if not candidates:
        return ""
    searches = []
    for candidate in candidates:
        searches.append({"index": index})
        searches.append(
            {
                "size": 0,
                "track_total_hits": total + 1,
                "query": {
                    "bool": {
                        "filter": [permission_filter(keys)],
                        "must": [{"match": {"spell": {"query": candidate, "operator": "and"}}}],
                    }
                },
            }
        )
    responses = client.msearch(searches=searches)["responses"]
    for candidate, response in zip(candidates, responses, strict=True):
        if response.get("hits", {}).get("total", {}).get("value", 0) > total:
            return candidate
    return ""


def search(client, index: str, params: SearchParams, keys) -> SearchResults:
    response = client.search(index=index, **build_search_body(params, keys)).body
    total = response["hits"]["total"]["value"]
    if params.q and total == 0:
        # Nothing found: perhaps a typo. Try again tolerating small spelling differences.
        retry = client.search(index=index, **build_search_body(params, keys, fuzzy=True)).body
        if retry["hits"]["total"]["value"]:
            response, total = retry, retry["hits"]["total"]["value"]
    suggestion = ""
    if params.q and total < 3:
        # Few or no hits: ask for "bedoelde u ...?" (only then: it costs time on large indexes).
        suggested = client.search(index=index, size=0, suggest=suggest_block(params.q)).body
        suggestion = validated_suggestion(client, index, spelling_candidates(suggested), keys, params.q, total)
    return SearchResults(
        hits=parse_hits(response),
        total=total,
        facets=parse_facets(response, params),
        suggestion=suggestion,
        engine="elasticsearch",
        took_ms=response.get("took", 0),
    )


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
