"""Which uploads the group apps accept (discussion attachments, meeting presentations, group
files): PDF, Office, ODF and images, judged by content, not by name."""

import os
import re
import unicodedata
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

from kennisplatform import archives

MAX_SIZE = 10 * 1024 * 1024
MAX_FILES = 5

# Detected type -> (extension we store, MIME type we serve).
SIMPLE_TYPES = {
    "application/pdf": ("pdf", "application/pdf"),
    "image/png": ("png", "image/png"),
    "image/jpeg": ("jpg", "image/jpeg"),
    "image/gif": ("gif", "image/gif"),
    "image/webp": ("webp", "image/webp"),
}
OOXML_TYPES = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ALLOWED_EXTENSIONS = {"pdf", "png", "jpg", "jpeg", "gif", "webp", "docx", "xlsx", "pptx", "odt", "ods", "odp"}
ACCEPT = ",".join(f".{ext}" for ext in sorted(ALLOWED_EXTENSIONS))

UNSUPPORTED = "Dit bestandstype is niet toegestaan. Kies een PDF, Office- of ODF-document of een afbeelding."


def sniff(upload, max_size: int = MAX_SIZE) -> tuple[str, str]:
    """(extension, content type) from the file's bytes, or ValidationError.

    Office and ODF files are zip containers: we open them and read [Content_Types].xml or the
    ODF ``mimetype`` entry, because a renamed zip (or jar) must not pass as a document.
    """
    if upload.size > max_size:
        raise ValidationError(f"“{safe_filename(upload.name)}” is groter dan {max_size // (1024 * 1024)} MB.")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None and kind.mime in SIMPLE_TYPES:
        if kind.mime.startswith("image/"):
            _check_pixels(upload)
        return SIMPLE_TYPES[kind.mime]
    if head.startswith(b"PK\x03\x04"):
        detected = _zip_document_type(upload)
        upload.seek(0)
        if detected:
            return detected
    raise ValidationError(UNSUPPORTED)


def _check_pixels(upload):
    """Read only the image header: a few KB can declare billions of pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        width = height = settings.MAX_IMAGE_PIXELS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return  # content already identified by its signature; Pillow need not understand it
    finally:
        upload.seek(0)
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise ValidationError(
            f"“{safe_filename(upload.name)}” heeft te veel beeldpunten "
            f"(maximaal {settings.MAX_IMAGE_PIXELS // 1_000_000} megapixel). Verklein de afbeelding."
        )


def _zip_document_type(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            archives.check_actual(archive)
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archives.read_member(archive, "mimetype")
                extension = ODF_TYPES.get(mimetype.decode("ascii", "replace").strip())
                return (extension, _odf_mime(extension)) if extension else None
            if "[Content_Types].xml" in names:
                content_types = archives.read_member(archive, "[Content_Types].xml").decode("utf-8", "replace")
                for folder, result in OOXML_TYPES.items():
                    if f'PartName="/{folder}' in content_types and any(n.startswith(folder) for n in names):
                        return result
    except archives.ArchiveTooLarge:
        raise ValidationError(
            f"“{safe_filename(upload.name)}” wordt uitgepakt veel groter dan het bestand zelf "
            f"(meer dan {archives.MAX_TOTAL_BYTES // (1024 * 1024)} MB) en is daarom geweigerd."
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError, EOFError):
        return None
    return None


def _odf_mime(extension):
    return next(mime for mime, ext in ODF_TYPES.items() if ext == extension)


def safe_filename(name: str, extension: str | None = None) -> str:
    """A display/download name without paths, control characters or markup-significant chars.

    The detected extension replaces whatever the member's name claimed.
    """
    name = unicodedata.normalize("NFC", os.path.basename((name or "").replace("\\", "/")))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[<>\"'`&;:/\\|?*{}\[\]]", "", name)
    stem = os.path.splitext(name)[0].strip(" .") or "bijlage"
    stem = stem[:150]
    return f"{stem}.{extension}" if extension else stem
