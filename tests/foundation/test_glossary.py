"""The words of docs/woordenlijst.md hold everywhere a visitor reads them (issue 16, point 15).

Scans templates, the string literals of the project's Python code and the msgstr of every
catalogue for the variants the glossary rejects, and for a count printed before a plural noun
without choosing singular or plural ("1 resultaten").
"""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON_ROOTS = ["accounts", "kennisbank", "search", "site", "themagroepen"]

# (rejected pattern, what the glossary says instead); case-insensitive.
REJECTED = [
    (r"\bheeft u\b", "Hebt u"),
    (r"\bu heeft\b", "u hebt"),
    (r"\btwee-?factor", "tweestapsverificatie"),
    (r"\b2FA\b", "tweestapsverificatie"),
    (r"\bregistre(er|ren)\b", "Account aanmaken"),
    (r"\bdeze webinar\b", "dit webinar"),
    (r"\bde webinar\b", "het webinar"),
    (r"\bmeld u (dan )?(opnieuw )?aan\b", "Log in / Inloggen"),
    (r"\baanmelden met een passkey\b", "Inloggen met een passkey"),
]
# A link or button whose whole text is one of these: the glossary's word is "Inloggen".
LOGIN_TEXT = re.compile(r">\s*(Log in|Login|Aanmelden)\s*</(a|button)>", re.IGNORECASE)
PLURAL_NOUNS = "resultaten|reacties|leden|deelnemers|voorbeelden|meldingen|onderwerpen|regels|pagina's|seconden|minuten"
# "{{ n }} resultaten" (also with markup between) without a |pluralize deciding the noun.
TEMPLATE_COUNT = re.compile(r"\{\{\s*[\w.]+\s*\}\}(?:\s|<[^>]*>)*(?:" + PLURAL_NOUNS + r")\b")
# f"{n} regels" in Python: a placeholder straight before a plural noun.
PYTHON_COUNT = re.compile(r"\{[^{}]+\} (?:" + PLURAL_NOUNS + r")\b")


def template_texts():
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix in {".html", ".txt"}:
            yield path, path.read_text(encoding="utf-8")


def python_strings():
    """(path, line, text) of every string literal outside migrations and tests."""
    for root in PYTHON_ROOTS:
        for path in sorted((ROOT / root).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
            yield from ((path, token.start[0], token.string) for token in tokens if token.type == tokenize.STRING)


def msgstrs():
    """(path, line, text) of every translation in the catalogues, continuation lines joined."""
    for path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po")):
        current, start = None, 0
        for number, line in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], start=1):
            if line.startswith("msgstr"):
                if current is not None:  # msgstr[1] right after msgstr[0]
                    yield path, start, current
                current, start = line.split(" ", 1)[1].strip().strip('"'), number
            elif current is not None and line.startswith('"'):
                current += line.strip().strip('"')
            elif current is not None:
                yield path, start, current
                current = None


def rejected_in(text):
    found = [(hit.group(0), better) for pattern, better in REJECTED for hit in re.finditer(pattern, text, re.I)]
    return found + [(hit.group(0), "Inloggen") for hit in LOGIN_TEXT.finditer(text)]


def where(path, line):
    return f"{path.relative_to(ROOT)}:{line}"


def test_templates_use_the_glossary_words():
    problems = []
    for path, text in template_texts():
        for number, line in enumerate(text.splitlines(), start=1):
            problems += [f"{where(path, number)}: ‘{bad}’ → {better}" for bad, better in rejected_in(line)]
            problems += [f"{where(path, number)}: ‘{hit}’ → |pluralize" for hit in TEMPLATE_COUNT.findall(line)]
    assert problems == []


def test_python_user_strings_use_the_glossary_words():
    problems = []
    for path, number, text in python_strings():
        problems += [f"{where(path, number)}: ‘{bad}’ → {better}" for bad, better in rejected_in(text)]
        problems += [f"{where(path, number)}: ‘{hit}’ → counted()" for hit in PYTHON_COUNT.findall(text)]
    assert problems == []


def test_catalogue_translations_use_the_glossary_words():
    problems = []
    for path, number, text in msgstrs():
        problems += [f"{where(path, number)}: ‘{bad}’ → {better}" for bad, better in rejected_in(text)]
        if re.fullmatch(r"(Log in|Login|Aanmelden)", text, re.I):
            problems.append(f"{where(path, number)}: ‘{text}’ → Inloggen")
    assert problems == []


def test_the_scan_finds_what_it_should():
    # The scanner itself can fail: each rejected variant and a bare count are caught.
    assert rejected_in("Heeft u een account?") and rejected_in('<a href="/x/">Log in</a>')
    assert rejected_in("Twee-factor-authenticatie") and rejected_in("Meld u dan aan")
    assert not rejected_in("Hebt u een account? <a href='/x/'>Inloggen</a>")
    assert TEMPLATE_COUNT.search("({{ value.count }}<span> resultaten</span>)")
    assert not TEMPLATE_COUNT.search('{{ n }} {{ n|pluralize:"resultaat,resultaten" }}')
    assert PYTHON_COUNT.search("{len(records)} regels gecontroleerd")
