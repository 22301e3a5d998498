"""Dutch analysis, mostly in Python so that it runs on the core Elasticsearch server (the CI
test distribution has no stemmer, synonym or decompounder filters) and feeds the embedded
database engine with exactly the same terms.

- Elasticsearch: ``standard`` + ``lowercase`` + ``stop _dutch_`` + hunspell nl_NL on ``title``
  and ``body`` (the OpenTaal dictionary), and an ``exact`` view for exact words and phrases.
- Python (``text``): Snowball Dutch stems into ``*_stem`` fields, conflating verb forms,
  participles and nouns (samengevoegd / samenvoegen / samenvoeging) where hunspell does not.
- Python (``compounds``): compounds split against the OpenTaal word list into ``*_parts``
  (as stems), at index time and for query words.
- Python (``synonyms``): synonym groups and place-name aliases from the CMS, per query word.

``analyse_query`` turns a query into ``QueryTerm``s: one per word (or multi-word synonym term),
each with every form it may take in a document. Both engines build their query from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import synonyms
from .compounds import parts_of, split
from .text import STOP_WORDS, content_words, stem, words

__all__ = [
    "EXACT_ANALYZER",
    "INDEX_ANALYZER",
    "QueryTerm",
    "STOP_WORDS",
    "analyse_query",
    "content_words",
    "document_fields",
    "index_analysis",
    "split",
    "stem",
    "words",
]

INDEX_ANALYZER = "nl_index"
EXACT_ANALYZER = "nl_exact"


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query (or a multi-word synonym term) and the forms it may take."""

    text: str  # as typed, lower case: "winkels", "den haag"
    stems: tuple[str, ...]  # Snowball stems of its words (all must occur)
    parts: tuple[str, ...] = ()  # stems of its compound parts (all must occur), if a compound
    synonyms: tuple[tuple[str, ...], ...] = ()  # each alternative: its stems (all must occur)
    synonym_texts: tuple[str, ...] = ()  # the alternatives as written

    def all_stems(self) -> set[str]:
        found = set(self.stems) | set(self.parts)
        for alternative in self.synonyms:
            found |= set(alternative)
        return found


def _part_stems(word: str) -> tuple[str, ...]:
    return tuple(stem(p) for p in split(word))


def analyse_query(q: str) -> list[QueryTerm]:
    return list(_analysed_query(q, synonyms.version()))


@lru_cache(maxsize=4096)
def _analysed_query(q: str, version: str) -> tuple[QueryTerm, ...]:
    """Cached per synonym version: popular queries and the repeated analysis within one search
    (query, highlighting, tiers, candidates) cost nothing after the first time."""
    tokens = [w for w in words(q) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    table = synonyms.table(version)
    terms: list[QueryTerm] = []
    i = 0
    while i < len(tokens):
        for size in range(min(synonyms.MAX_TERM_WORDS, len(tokens) - i), 0, -1):
            window = tokens[i : i + size]
            key = tuple(stem(w) for w in window)
            if size == 1 or key in table:
                break
        others = table.get(key, [])
        parts = _part_stems(window[0]) if size == 1 else ()
        terms.append(
            QueryTerm(
                text=" ".join(window),
                stems=key,
                parts=parts if len(parts) > 1 else (),
                # Two written forms with one stem ("vrijkomend", "vrijkomende") are one alternative.
                synonyms=tuple(dict.fromkeys(k for k in (synonyms.key_of(o) for o in others) if k and k != key)),
                synonym_texts=tuple(others),
            )
        )
        i += size
    # The same word twice ("kantoor kantoren") is one term.
    unique = {term.stems: term for term in terms}
    return tuple(unique.values())


@lru_cache(maxsize=200_000)
def _analysed(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's Snowball stem and the stems of its compound parts (cached: documents repeat words)."""
    return stem(word), tuple(stem(p) for p in parts_of([word]))


def document_fields(title: str, body: str) -> dict[str, str]:
    """The Python-analysed fields of a document: Snowball stems and compound parts (as stems)."""
    title_words = [_analysed(w) for w in content_words(title)]
    body_words = [_analysed(w) for w in content_words(body)]
    return {
        "title_stem": " ".join(s for s, _p in title_words),
        "body_stem": " ".join(s for s, _p in body_words),
        "title_parts": " ".join(p for _s, parts in title_words for p in parts),
        "body_parts": " ".join(dict.fromkeys(p for _s, parts in body_words for p in parts)),
    }


def index_analysis() -> dict:
    """The ``analysis`` block of the index settings (core filters only)."""
    return {
        "filter": {
            "nl_stop": {"type": "stop", "stopwords": "_dutch_"},
            # longest_only: one stem per word keeps phrase positions and scoring sane.
            "nl_hunspell": {"type": "hunspell", "locale": "nl_NL", "dedup": True, "longest_only": True},
        },
        "analyzer": {
            EXACT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            INDEX_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "nl_stop", "nl_hunspell"],
            },
        },
    }
