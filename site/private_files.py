"""Storage for members-only files (discussion attachments, meeting presentations).

Files live under settings.PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so the web server never serves
them; every download goes through a view that checks the reader first. The location is read on
each use, so tests and deployments can move it.
"""

import logging
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "Uw bestand kon niet worden opgeslagen door een storing bij de bestandsopslag. Er is niets geplaatst; "
    "uw tekst staat nog in het formulier. Probeer het later opnieuw, of plaats het bericht zonder bijlage."
)


class StorageError(Exception):
    """A private file could not be written (disk full, read-only, unwritable); ``message`` is Dutch."""

    message = STORAGE_FAILED


@deconstructible
class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            logger.error("private file %s not stored: %s", name, error)
            self._remove_partial(name)
            raise StorageError(STORAGE_FAILED) from error

    def _remove_partial(self, name):
        try:
            os.remove(self.path(name))
        except OSError:
            pass  # nothing was written, or the disk will not even let us delete

    def url(self, name):
        raise ValueError("Private files have no public URL; they are served by a permission-checked view.")


private_storage = PrivateStorage()


def download_response(fieldfile, filename: str, content_type: str) -> FileResponse:
    """A private file as a download, for a reader the caller has already checked.

    Always an attachment with the type we detected at upload, never sniffed by the browser and
    never rendered in this origin (sandboxed), not kept by caches. A file gone missing from the
    disk is a 404, not a 500.
    """
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, ValidationError) as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
