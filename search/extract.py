"""Plain text from attached files (PDF, Word, OpenDocument, Excel, PowerPoint) for the index.

Extraction is best-effort: a damaged or unknown file yields no text rather than an error, so
one bad attachment never blocks indexing of its page.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from xml.etree import ElementTree

from kennisplatform import archives

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000
_SPACES = re.compile(r"[ \t\r\f\v]+")


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def _docx(data: bytes) -> str:
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archives.check_declared(archive)  # python-docx reads members whole
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xml_text(data: bytes, tag_suffixes: tuple[str, ...] | None = None) -> str:
    root = ElementTree.fromstring(data)
    parts = []
    for element in root.iter():
        if tag_suffixes and not element.tag.endswith(tag_suffixes):
            continue
        if element.text and element.text.strip():
            parts.append(element.text.strip())
    return " ".join(parts)


def _zipped_xml(data: bytes, members: list[str] | None, pattern: str | None, tags=None) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archives.check_declared(archive)
        names = members or sorted(n for n in archive.namelist() if re.fullmatch(pattern, n))
        return "\n".join(_xml_text(archives.read_member(archive, n), tags) for n in names if n in archive.namelist())


EXTRACTORS = {
    "pdf": _pdf,
    "docx": _docx,
    "odt": lambda d: _zipped_xml(d, ["content.xml"], None),
    "ods": lambda d: _zipped_xml(d, ["content.xml"], None),
    "odp": lambda d: _zipped_xml(d, ["content.xml"], None),
    "xlsx": lambda d: _zipped_xml(d, None, r"xl/(sharedStrings|worksheets/sheet\d+)\.xml", ("}t",)),
    "pptx": lambda d: _zipped_xml(d, None, r"ppt/slides/slide\d+\.xml", ("}t",)),
}


def extract_text(data: bytes, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception as exc:  # noqa: BLE001 - any parser failure means "no text"
        logger.warning("zoeken: geen tekst uit %s (%s)", filename, exc.__class__.__name__)
        return ""
    return _SPACES.sub(" ", text).strip()[:MAX_CHARS]


def document_text(document) -> str:
    """Text of a Wagtail document, cached by its file hash (extraction can be slow)."""
    from django.core.cache import cache

    if document is None or not document.file:
        return ""
    key = f"zoeken:doctekst:{document.file_hash or document.pk}:{document.file.name}"
    text = cache.get(key)
    if text is None:
        try:
            with document.file.open("rb") as handle:
                text = extract_text(handle.read(), document.file.name)
        except OSError:
            text = ""
        cache.set(key, text, 60 * 60 * 24 * 7)
    return text
