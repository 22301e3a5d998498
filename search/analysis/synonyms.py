"""Synonym groups and place-name aliases, maintained by editors in the CMS (``Synoniemgroep``).

Applied at query time only, per word: every word (or multi-word term such as "den haag") of a
query is looked up by its Snowball stems, so "winkels" meets the group of "winkel" and all
words of a query can be expanded. The groups are cached and the cache is cleared when an
editor saves or deletes a group, so a change works at once and needs no reindex.
"""

from __future__ import annotations

from django.core.cache import cache

from .text import content_words, stem

CACHE_KEY = "zoeken:synoniemen:v1"
MAX_TERM_WORDS = 3


def key_of(term: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in content_words(term))


def groups() -> list[tuple[str, ...]]:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        from search.models import Synoniemgroep

        cached = [group.term_list() for group in Synoniemgroep.objects.all()]
        cache.set(CACHE_KEY, cached, None)
    return cached


def forget() -> None:
    cache.delete(CACHE_KEY)


def table() -> dict[tuple[str, ...], list[str]]:
    """Stems of a term -> the other terms of its groups (as written)."""
    result: dict[tuple[str, ...], list[str]] = {}
    for group in groups():
        for term in group:
            key = key_of(term)
            if key:
                result.setdefault(key, [])
                result[key] += [other for other in group if key_of(other) != key and other not in result[key]]
    return result
