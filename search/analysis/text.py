"""Words, stop words and Snowball Dutch stems: the Python half of the Dutch analysis."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# Letters and digits; an apostrophe or hyphen inside a name ("'s-Gravenhage") splits it.
WORD = re.compile(r"\w+", re.UNICODE)

# Lucene's ``_dutch_`` stop list (the Snowball one), so Python and Elasticsearch drop the same words.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
    dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe
    heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen
    toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen
    ons zelf tegen na reeds wil kon niets uw iemand geweest andere""".split()
)

_stemmer = snowballstemmer.stemmer("dutch")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower()) if text else []


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Dutch, which conflates verb forms with their nouns where hunspell does not
    (samengevoegd / samenvoegen / samenvoeging -> samenvoeg). Doubled vowels before a final
    consonant are undoubled so that transformeer (transformatie) meets transformer (transformeren)."""
    stemmed = _stemmer.stemWord(word)
    return re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", stemmed)


def stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]
