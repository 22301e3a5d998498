"""Titles and snippets with the query's words marked, the same for both engines.

Marking happens in Python on the stored plain text, word by word: a word is marked when it, its
Snowball stem or the stem of one of its compound parts is among the forms of the query (so
"samengevoegd" is marked for "samenvoegen", "winkelstraat" for "winkel"), and always as a whole
word. The text stays plain; ``results.highlighted`` escapes it once and turns the markers into
``<mark>``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import QueryTerm, split, stem
from .results import HL_END, HL_START

SNIPPET_CHARS = 200
WORD = re.compile(r"\w+", re.UNICODE)


def query_forms(terms: list[QueryTerm]) -> set[str]:
    forms = set()
    for term in terms:
        forms |= term.all_stems()
    return forms


@lru_cache(maxsize=200_000)
def _word_forms(word: str) -> frozenset[str]:
    """A word's stem and the stems of its compound parts (cached: every snippet meets the same words)."""
    lowered = word.lower()
    return frozenset((stem(lowered), *(stem(part) for part in split(lowered))))


def _matches(word: str, forms: set[str]) -> bool:
    return not forms.isdisjoint(_word_forms(word))


def mark(text: str, forms: set[str]) -> str:
    if not forms or not text:
        return text
    return WORD.sub(lambda m: f"{HL_START}{m.group(0)}{HL_END}" if _matches(m.group(0), forms) else m.group(0), text)


def snippet(body: str, forms: set[str], size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters around the first stretch with the most query words, cut at
    word boundaries, marked."""
    if not body:
        return ""
    if len(body) <= size:
        return mark(body, forms)
    hits = [m.start() for m in WORD.finditer(body) if forms and _matches(m.group(0), forms)]
    start = 0
    if hits:
        # The window (starting a little before a hit) that holds the most hits, the first on a tie.
        best, most, last = hits[0], 0, 0
        for first, h in enumerate(hits):
            last = max(last, first)
            while last < len(hits) and hits[last] < h + size - 40:
                last += 1
            if last - first > most:
                best, most = h, last - first
        start = max(best - 40, 0)
    if start:
        space = body.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    end = start + size
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    piece = body[start:end].strip()
    return ("…" if start else "") + mark(piece, forms) + ("…" if end < len(body) else "")
