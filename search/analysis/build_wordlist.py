"""Derive the compact Dutch word list for compound splitting from the OpenTaal hunspell dictionary.

    .venv/bin/python -m search.analysis.build_wordlist [/usr/share/hunspell/nl.dic]

Debian's ``hunspell-nl`` (also what Elasticsearch's hunspell filter reads) holds about 180,000
stems with affix flags. Compound splitting needs only the plain lower-case words that can be a
part of a compound (3-16 letters), so the list shipped in the repository (``woorden.txt.gz``)
is the stems without flags, names, abbreviations and words with digits or hyphens. The
dictionary writes the Dutch ij as one character (U+0133); it is spelled out here, as people type it.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

SOURCE = Path("/usr/share/hunspell/nl.dic")
TARGET = Path(__file__).resolve().parent / "woorden.txt.gz"
WORD = re.compile(r"[a-zàáâäèéêëìíîïòóôöùúûü]{3,16}")


def words_from(dic: Path) -> list[str]:
    words = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word = line.split("/", 1)[0].strip().replace("\u0133", "ij")
        if WORD.fullmatch(word):
            words.add(word)
    return sorted(words)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else SOURCE
    if not source.exists():
        print(f"{source} ontbreekt: installeer het Debian-pakket hunspell-nl", file=sys.stderr)
        return 1
    words = words_from(source)
    # mtime=0: the same dictionary gives a byte-identical file.
    TARGET.write_bytes(gzip.compress("\n".join(words).encode(), compresslevel=9, mtime=0))
    print(f"{len(words)} woorden naar {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
