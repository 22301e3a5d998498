"""Private file storage for attachments: outside MEDIA_ROOT, without any public URL."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateMediaStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, read at use time (tests point it elsewhere)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        # Never hand out a direct link: downloads go through the permission-checked view.
        raise ValueError("Private attachments have no public URL.")


def attachment_upload_to(instance, filename):
    """A random name: the member's file name is kept only as display text."""
    extension = os.path.splitext(filename)[1].lower()
    return f"discussies/{instance.topic.themagroep_id}/{uuid.uuid4().hex}{extension}"
