"""The embedded engine: a real full-text index in the database, for ``make run`` (no
ELASTICSEARCH_URL) and when Elasticsearch is down.

SQLite: an FTS5 table with BM25; PostgreSQL: GIN-indexed ``tsvector`` expressions with
``ts_rank`` (search/migrations/0002). Both hold the same Python analysis as Elasticsearch (words,
Snowball stems, compound parts; synonyms per query word) and the documents' read keys as
tokens, so the permission filter is part of the full-text match. The ranking follows the
Elasticsearch engine: documents with all query terms first, then fewer, then relevance
(weighted title, body and parts); typo tolerance from the index's vocabulary when few documents
have every word, and a confident correction applied (see ``service``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from django.db import connection
from django.db.models.functions import Length

from kennisplatform import access

from .analysis import STOP_WORDS, QueryTerm, analyse_query, stem, words
from .embedded import key_token
from .highlight import mark, query_forms, snippet
from .models import EmbeddedEntry, EmbeddedTerm
from .params import FACETS, SearchParams
from .results import FEW, FacetResult, FacetValue, Hit, SearchResults, facet_label, highlighted

TERM_COLUMNS = "title_terms body_terms title_parts body_parts"
PG_VECTOR = (
    "(setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B') || "
    "setweight(to_tsvector('simple', title_parts), 'C') || setweight(to_tsvector('simple', body_parts), 'D'))"
)
# ts_rank weights in the order D, C, B, A: body parts, title parts, body, title.
PG_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
MAX_CLOSE_WORDS = 4


@dataclass
class Group:
    """One query term as alternatives, each a set of tokens that must all occur."""

    term: QueryTerm
    alternatives: list[tuple[str, ...]]


def _group(term: QueryTerm, close: dict[str, list[str]] | None = None) -> Group:
    written = tuple(words(term.text))
    alternatives = [written, term.stems]
    if term.parts:
        alternatives.append(term.parts)
    alternatives += list(term.synonyms)
    for other in (close or {}).get(term.text, []):
        alternatives += [(other,), (stem(other),)]
    return Group(term, [a for a in dict.fromkeys(alternatives) if a])


class _Sqlite:
    @staticmethod
    def _expr(groups: list[Group]) -> str:
        def alt(tokens):
            inner = " AND ".join(f'"{t}"' for t in tokens)
            return f"({inner})" if len(tokens) > 1 else inner

        return " OR ".join("(" + " OR ".join(alt(a) for a in g.alternatives) + ")" for g in groups)

    @staticmethod
    def _keys(keys) -> str:
        return "read_keys : (" + " OR ".join(f'"{key_token(k)}"' for k in sorted(keys)) + ")"

    def match(self, groups: list[Group], keys) -> list[tuple]:
        expr = self._keys(keys)
        if groups:
            expr = f"{{{TERM_COLUMNS}}} : ({self._expr(groups)}) AND {expr}"
        sql = (
            "SELECT e.id, -bm25(search_embedded_fts, 4.0, 1.0, 1.5, 0.3, 0.0), e.date, e.facets "
            "FROM search_embedded_fts JOIN search_embeddedentry e ON e.id = search_embedded_fts.rowid "
            "WHERE search_embedded_fts MATCH %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expr])
            return cursor.fetchall()

    def readable(self, keys, type: str) -> list[int]:
        sql = (
            "SELECT e.id FROM search_embedded_fts JOIN search_embeddedentry e ON e.id = search_embedded_fts.rowid "
            "WHERE search_embedded_fts MATCH %s AND e.type = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._keys(keys), type])
            return [row[0] for row in cursor.fetchall()]


class _Postgres:
    @staticmethod
    def _expr(groups: list[Group]) -> str:
        def alt(tokens):
            inner = " & ".join(f"'{t}'" for t in tokens)
            return f"({inner})" if len(tokens) > 1 else inner

        return " | ".join("(" + " | ".join(alt(a) for a in g.alternatives) + ")" for g in groups)

    @staticmethod
    def _keys(keys) -> str:
        return " | ".join(f"'{key_token(k)}'" for k in sorted(keys))

    def match(self, groups: list[Group], keys) -> list[tuple]:
        keys_expr = self._keys(keys)
        if groups:
            sql = (
                f"SELECT id, ts_rank('{PG_WEIGHTS}', {PG_VECTOR}, q), date, facets "
                f"FROM search_embeddedentry, to_tsquery('simple', %s) q "
                f"WHERE {PG_VECTOR} @@ q AND to_tsvector('simple', read_keys) @@ to_tsquery('simple', %s)"
            )
            params = [self._expr(groups), keys_expr]
        else:
            sql = (
                "SELECT id, 0, date, facets FROM search_embeddedentry "
                "WHERE to_tsvector('simple', read_keys) @@ to_tsquery('simple', %s)"
            )
            params = [keys_expr]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def readable(self, keys, type: str) -> list[int]:
        sql = (
            "SELECT id FROM search_embeddedentry "
            "WHERE type = %s AND to_tsvector('simple', read_keys) @@ to_tsquery('simple', %s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [type, self._keys(keys)])
            return [row[0] for row in cursor.fetchall()]


def _fts():
    return _Postgres() if connection.vendor == "postgresql" else _Sqlite()


def readable_ids(keys, type: str) -> list[int]:
    """Ids of the embedded entries of one type these keys may read: the search's permission filter alone."""
    return _fts().readable(keys, type)


def _facets(raw) -> dict:
    return raw if isinstance(raw, dict) else __import__("json").loads(raw)


@dataclass
class _Match:
    id: int
    tier: int
    rank: float
    date: object
    facets: dict


def _matches(groups: list[Group], keys) -> tuple[list[_Match], list[int]]:
    """Readable documents with any term, with their tier (terms matched); and per term how many
    documents have it."""
    fts = _fts()
    rows = fts.match(groups, keys)
    tiers = {row[0]: 1 for row in rows}
    per_term = [len(rows)] if len(groups) == 1 else []
    if len(groups) > 1:
        tiers = dict.fromkeys(tiers, 0)
        for group in groups:
            ids = {row[0] for row in fts.match([group], keys)}
            per_term.append(len(ids))
            for doc_id in ids:
                tiers[doc_id] += 1
    matches = [_Match(r[0], tiers.get(r[0], 0), float(r[1] or 0), r[2], _facets(r[3])) for r in rows]
    return matches, per_term


def _close_words(word: str) -> list[str]:
    """Words of the index within Elasticsearch's AUTO edit distance of ``word`` (same first letter)."""
    allowed = 0 if len(word) < 3 else 1 if len(word) < 6 else 2
    if not allowed or not word.isalpha():
        return []
    candidates = (
        EmbeddedTerm.objects.annotate(n=Length("term"))
        .filter(term__startswith=word[0], n__gte=len(word) - allowed, n__lte=len(word) + allowed)
        .exclude(term=word)
        .values_list("term", flat=True)
    )
    scored = sorted((d, t) for t in candidates if (d := _distance(word, t)) <= allowed)
    return [t for _d, t in scored[:MAX_CLOSE_WORDS]]


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of two letters counts as one edit)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def _values(match: _Match, field: str) -> list[str]:
    return [str(v) for v in match.facets.get(field, [])]


def _passes(match: _Match, params: SearchParams, skip: str | None = None) -> bool:
    for facet in FACETS:
        selected = params.selected(facet.param)
        if facet.param != skip and selected and not set(_values(match, facet.field)) & set(selected):
            return False
    return True


def _facet_results(matched: list[_Match], params: SearchParams) -> list[FacetResult]:
    facets = []
    for facet in FACETS:
        counts: dict[str, int] = {}
        for match in matched:
            if _passes(match, params, skip=facet.param):
                for value in _values(match, facet.field):
                    counts[value] = counts.get(value, 0) + 1
        selected = set(params.selected(facet.param))
        order = sorted(
            counts.items(),
            key=(lambda kv: kv[0]) if facet.param == "jaar" else (lambda kv: (-kv[1], kv[0])),
            reverse=facet.param == "jaar",
        )
        values = [FacetValue(v, n, v in selected, facet_label(facet.param, v)) for v, n in order[:25]]
        values += [FacetValue(v, 0, True, facet_label(facet.param, v)) for v in selected - set(counts)]
        facets.append(FacetResult(facet.param, facet.label, values))
    return facets


def _run(params: SearchParams, keys, close=None) -> tuple[SearchResults, list[int]]:
    started = time.perf_counter()
    terms = analyse_query(params.q) if params.q else []
    groups = [_group(t, close) for t in terms]
    if params.q and not groups:
        return SearchResults(engine="database", query=params.q), []
    matched, per_term = _matches(groups, keys)
    filtered = [m for m in matched if _passes(m, params)]
    if params.sort == "datum":
        filtered.sort(key=lambda m: (m.date is not None, m.date or 0, m.tier, m.rank), reverse=True)
    else:
        filtered.sort(key=lambda m: (m.tier, m.rank, m.date is not None, m.date or 0), reverse=True)
    page = filtered[params.offset : params.offset + params.page_size]
    entries = EmbeddedEntry.objects.in_bulk([m.id for m in page])
    forms = query_forms(terms)
    hits = [
        Hit(
            type=entry.type,
            title=highlighted(mark(entry.title, forms)),
            url=entry.url,
            snippet=highlighted(snippet(entry.body, forms)),
            date=entry.date,
            context=entry.context,
        )
        for entry in (entries[m.id] for m in page if m.id in entries)
    ]
    results = SearchResults(
        hits=hits,
        total=len(filtered),
        facets=_facet_results(matched, params),
        engine="database",
        took_ms=round((time.perf_counter() - started) * 1000, 1),
        full_matches=sum(1 for m in page if m.tier == len(groups)) if groups else 0,
        query=params.q,
    )
    return results, per_term


def search(params: SearchParams, user, notice: str = "") -> SearchResults:
    """The same policy as the Elasticsearch engine: all words > most > any; when few documents
    have every word, close words from the index's vocabulary join in, and a correction whose
    words all occur in readable documents is applied when no document had all the words."""
    keys = access.held_keys(user)
    results, per_term = _run(params, keys)
    results.notice = notice
    if not params.q or params.literal or results.full_matches >= FEW:
        return results
    terms = analyse_query(params.q)
    close = {t.text: _close_words(t.text) for t in terms if " " not in t.text}
    if not any(close.values()):
        return results
    missing = [t.text for t, n in zip(terms, per_term, strict=False) if n == 0 and close.get(t.text)]
    if missing:
        candidate = " ".join(close[w][0] if w in missing else w for w in words(params.q))
        corrected, _per_term = _run(replace(params, q=candidate), keys)
        if corrected.full_matches:
            corrected.notice = notice
            if results.full_matches == 0:
                corrected.corrected_from = params.q
                return corrected
            results.suggestion = candidate
    fuzzy, _per_term = _run(params, keys, close)
    fuzzy.notice, fuzzy.suggestion = notice, results.suggestion
    return fuzzy if fuzzy.full_matches > results.full_matches or not results.total else results


def title_suggestions(q: str, user, size: int = 8) -> list[dict]:
    """Type-ahead: titles of readable documents with every typed word (the last as a prefix)."""
    typed = [w for w in words(q) if w.isalnum()]
    if not typed:
        return []
    # Stop words are not in the index: whole ones are skipped, a last one ("in") may be either.
    complete = [w for w in typed[:-1] if w not in STOP_WORDS]
    last = typed[-1] if typed[-1] not in STOP_WORDS else None
    if not complete and not last:
        return []
    keys = access.held_keys(user)
    if connection.vendor == "postgresql":
        query = " & ".join([*(f"'{w}'" for w in complete), *([f"'{last}':*"] if last else [])])
        keys_expr = " | ".join(f"'{key_token(k)}'" for k in sorted(keys))
        sql = (
            "SELECT id FROM search_embeddedentry WHERE to_tsvector('simple', title_terms) @@ to_tsquery('simple', %s) "
            "AND to_tsvector('simple', read_keys) @@ to_tsquery('simple', %s) LIMIT %s"
        )
        params = [query, keys_expr, size * 3]
    else:
        query = " AND ".join([*(f'"{w}"' for w in complete), *([f'"{last}"*'] if last else [])])
        keys_expr = " OR ".join(f'"{key_token(k)}"' for k in sorted(keys))
        sql = (
            "SELECT rowid FROM search_embedded_fts WHERE search_embedded_fts MATCH %s "
            "ORDER BY bm25(search_embedded_fts) LIMIT %s"
        )
        params = [f"title_terms : ({query}) AND read_keys : ({keys_expr})", size * 3]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    entries = EmbeddedEntry.objects.in_bulk(ids)
    result, seen = [], set()
    for entry in (entries[i] for i in ids if i in entries):
        # Like Elasticsearch's prefix match on the exact title: every typed word, stop words too.
        title_words = words(entry.title)
        if not all(w in title_words for w in typed[:-1]) or not any(w.startswith(typed[-1]) for w in title_words):
            continue
        if entry.title.lower() not in seen:
            seen.add(entry.title.lower())
            result.append({"title": entry.title, "url": entry.url, "type": entry.type, "context": entry.context})
    return result[:size]
