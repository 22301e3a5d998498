"""Splitting Dutch compounds against the OpenTaal word list (``woorden.txt.gz``).

A word of eight letters or more is split into at most three listed words, optionally joined by
a linking ``s``, ``e`` or ``en`` (bedrijf-s-hal, kantor-en-loods). A part counts when it or its
singular is listed (kantoren -> kantoor, hallen -> hal). Fewest parts win, then the longest
last part (the head of a Dutch compound). Prefixes, particles and suffixes (ver-, her-, aan-,
samen-, -ing, -heid...) are never a part, so "verordening" and "samenvoeging" stay whole.
``samenstellingen.txt`` holds only the exceptions: words never to split and splits to force.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDLIST_FILE = HERE / "woorden.txt.gz"
EXCEPTIONS_FILE = HERE / "samenstellingen.txt"

MIN_WORD = 8
MIN_PART = 3
MIN_MODIFIER = 3
MAX_PARTS = 3
LINKS = ("", "s", "en", "e")
NOT_A_PART = frozenset(
    """aan achter af al be bij boven buiten con de door er ge her in inter mee mis multi na niet non om on
    onder ont op over pro re samen super te tegen terug toe trans tussen uit ver vol voor voort weer wan
    weg zelf ing ers baar heid ling schap ster isme iteit atie ering erij tie sie lijk ig ische ende
    eren ning tering ale ele isch""".split()
)


def _lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line:
            lines.append(line)
    return lines


@cache
def exceptions() -> dict[str, tuple[str, ...]]:
    """``leegstand =`` (never split) and ``kantorenloods = kantoor + loods`` (forced split)."""
    result = {}
    for line in _lines(EXCEPTIONS_FILE):
        whole, sep, parts = line.partition("=")
        if not sep or not whole.strip():
            raise ValueError(f"onjuiste regel in {EXCEPTIONS_FILE.name}: {line!r}")
        result[whole.strip()] = tuple(p.strip() for p in parts.split("+") if p.strip())
    return result


@cache
def vocabulary() -> frozenset[str]:
    return frozenset(gzip.decompress(WORDLIST_FILE.read_bytes()).decode().split())


@lru_cache(maxsize=200_000)
def lemma(part: str) -> str | None:
    """The listed word ``part`` is a form of (kantoren -> kantoor, hallen -> hal), or ``None``."""
    if len(part) < MIN_PART or part in NOT_A_PART:
        return None
    candidates = [part]
    if part.endswith("s"):
        candidates.append(part[:-1])
    if part.endswith("en") and len(part) > 4:
        base = part[:-2]
        candidates.append(base)
        if base[-1] == base[-2]:
            candidates.append(base[:-1])  # hallen -> hal
        if base[-2] in "aeou" and base[-3] not in "aeiou":
            candidates.append(base[:-1] + base[-2] + base[-1])  # kantoren -> kantoor
        if base[-1] in "vz":
            candidates.append(base[:-1] + {"v": "f", "z": "s"}[base[-1]])  # bedrijven -> bedrijf
    listed = vocabulary()
    return next((c for c in candidates if c in listed and c not in NOT_A_PART), None)


def _better(candidate: tuple[str, ...], best: tuple[str, ...] | None) -> bool:
    # On a tie the later cut wins: verzorgings|huis, not verzorging|shuis.
    return best is None or (len(candidate), -len(candidate[-1])) <= (len(best), -len(best[-1]))


@lru_cache(maxsize=100_000)
def _best(word: str, max_parts: int, whole_allowed: bool = True) -> tuple[str, ...] | None:
    """The best split of ``word`` into at most ``max_parts`` listed words (``None``: none)."""
    if whole_allowed and (whole := lemma(word)):
        return (whole,)
    if max_parts == 1:
        return None
    best = None
    for cut in range(MIN_MODIFIER, len(word) - MIN_PART + 1):
        head = word[:cut]
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            left = lemma(head[: len(head) - len(link)])
            if left is None or len(left) < MIN_MODIFIER:
                continue
            rest = _best(word[cut:], max_parts - 1)
            if rest is not None and _better((left, *rest), best):
                best = (left, *rest)
    return best


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of a compound in their listed form, or ``()`` for a word that is not one."""
    word = word.lower()
    if word in exceptions():
        return exceptions()[word]
    if len(word) < MIN_WORD or not word.isalpha():
        return ()
    # Split even a listed word: "bestemmingsplan" is in the list but still has two parts.
    return _best(word, MAX_PARTS, whole_allowed=False) or ()


def parts_of(words) -> list[str]:
    """Every part of every compound, a long part's own parts too, and the modifier joined to
    the first of those: melkveebedrijf -> melk, veebedrijf, vee, bedrijf, melkvee (so
    "melkvee" and "bedrijf" both find it)."""
    result = []
    for word in words:
        parts = split(word)
        for n, part in enumerate(parts):
            result.append(part)
            # Only a part listed as written has parts of its own (veebedrijf, not bedrijven).
            inner = split(part) if part in vocabulary() else ()
            result += inner
            if inner and n == 1 and len(parts) == 2:
                result.append(parts[0] + inner[0])
    return result
