"""Synonym groups and place-name aliases, maintained by editors in the CMS (``Synoniemgroep``).

Applied at query time only, per word: every word (or multi-word term such as "den haag") of a
query is looked up by its Snowball stems, so "winkels" meets the group of "winkel" and all
words of a query can be expanded. No reindex: saving or deleting a group (``forget``) stamps a
new version in the shared cache; each process keeps its lookup table (and the analysed
queries built from it) for one version only, so an editor's change works at the next search in
every process, while a search costs one small cache read instead of rebuilding the table.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache

from .text import content_words, stem

VERSION_KEY = "zoeken:synoniemen:versie"
MAX_TERM_WORDS = 3

_table: tuple[str, dict[tuple[str, ...], list[str]]] | None = None  # (version, table) of this process


def key_of(term: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in content_words(term))


def version() -> str:
    """The current version of the groups (a fresh one when the cache has lost it)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        # A cache that keeps nothing: a new version each time, so nothing stale is ever used.
        current = cache.get(VERSION_KEY) or uuid.uuid4().hex
    return current


def forget() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def groups() -> list[tuple[str, ...]]:
    from search.models import Synoniemgroep

    return [group.term_list() for group in Synoniemgroep.objects.all()]


def table(current: str | None = None) -> dict[tuple[str, ...], list[str]]:
    """Stems of a term -> the other terms of its groups (as written), for version ``current``."""
    global _table
    current = current or version()
    if _table is None or _table[0] != current:
        _table = (current, _build(groups()))
    return _table[1]


def _build(all_groups) -> dict[tuple[str, ...], list[str]]:
    result: dict[tuple[str, ...], list[str]] = {}
    for group in all_groups:
        keys = {term: key_of(term) for term in group}
        for key in keys.values():
            if key:
                others = result.setdefault(key, [])
                others += [other for other in group if keys[other] != key and other not in others]
    return result
