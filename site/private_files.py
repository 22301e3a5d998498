"""Storage for members-only files (discussion attachments, meeting presentations).

Files live under settings.PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so the web server never serves
them; every download goes through a view that checks the reader first. The location is read on
each use, so tests and deployments can move it.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; they are served by a permission-checked view.")


private_storage = PrivateStorage()
