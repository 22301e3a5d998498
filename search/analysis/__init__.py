"""Dutch analysis that works on the core Elasticsearch server (and so on the CI test distribution).

The core server has the ``standard`` tokenizer, ``lowercase``, ``stop`` (``_dutch_``), ``shingle``
and ``hunspell`` — but no ``synonym``/``synonym_graph``, decompounder, stemmer or pattern
filters (those live in analysis-common, which the test distribution lacks; checked with
``_analyze``). So the work is split:

- Elasticsearch: stop words and hunspell stemming with the OpenTaal dictionary
  (``<es config>/hunspell/nl_NL/``), plus an ``exact`` view (standard + lowercase) that ranks
  exact words and phrases higher;
- Python, from two maintained files in this folder:
  ``samenstellingen.txt`` — domain compounds; at index time their parts go into the
  ``title_parts``/``body_parts`` fields (so "leegstand" finds "leegstandverordening"), at query
  time a compound in the query also searches for its parts (so "kantorentransformatie" finds
  "transformatie van kantoren");
  ``synoniemen.txt`` — synonym groups, expanded at query time into extra, lower-weighted
  alternatives of the query (no reindex needed when the list changes).

Both expansions run through the same hunspell analyzer in Elasticsearch, so inflected forms
still meet. Changing ``samenstellingen.txt`` needs ``manage.py zoekindex rebuild``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPOUNDS_FILE = HERE / "samenstellingen.txt"
SYNONYMS_FILE = HERE / "synoniemen.txt"

INDEX_ANALYZER = "nl_index"
EXACT_ANALYZER = "nl_exact"
MAX_ALTERNATIVES = 5


def _lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line:
            lines.append(line)
    return lines


@cache
def compounds() -> dict[str, tuple[str, ...]]:
    """``leegstandverordening = leegstand + verordening`` -> {"leegstandverordening": ("leegstand", "verordening")}."""
    result = {}
    for line in _lines(COMPOUNDS_FILE):
        whole, _, parts = line.partition("=")
        pieces = tuple(p.strip() for p in parts.split("+") if p.strip())
        if not whole.strip() or not pieces:
            raise ValueError(f"onjuiste regel in {COMPOUNDS_FILE.name}: {line!r}")
        result[whole.strip()] = pieces
    return result


@cache
def _compound_pattern() -> re.Pattern:
    # Longest first, inside words: "bestemmingsplannen" and "herbestemmingsplan" contain a compound too.
    keys = sorted(compounds(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def compound_parts(text: str) -> list[str]:
    """The parts of every domain compound in ``text``, in order of appearance."""
    if not text:
        return []
    table = compounds()
    return [part for match in _compound_pattern().finditer(text.lower()) for part in table[match.group(0)]]


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(term.strip() for term in line.split(",") if term.strip()) for line in _lines(SYNONYMS_FILE))


def query_alternatives(q: str) -> list[str]:
    """Other ways to say the query: synonyms swapped in, compounds split into their parts."""
    lowered = " ".join(q.lower().split())
    alternatives: list[str] = []
    for group in synonym_groups():
        for term in group:
            # A few trailing letters allowed: "bestemmingsplannen" also finds "omgevingsplan".
            pattern = re.compile(rf"(?<!\w){re.escape(term)}\w{{0,3}}(?!\w)")
            if pattern.search(lowered):
                alternatives += [pattern.sub(other, lowered) for other in group if other != term]
    words = set(re.findall(r"\w+", lowered))
    # The parts written apart ("verordening leegstand") also look for the compound.
    alternatives += [whole for whole, pieces in compounds().items() if len(pieces) > 1 and set(pieces) <= words]
    parts = compound_parts(lowered)
    if parts:
        alternatives.append(_compound_pattern().sub(lambda m: " ".join(compounds()[m.group(0)]), lowered))
    unique = [alt for alt in dict.fromkeys(alternatives) if alt != lowered]
    return unique[:MAX_ALTERNATIVES]


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
