"""A themagroep's file library (Pleio's "Bestanden"): folders, files and their versions.

A file is what members see and find; each upload of it is a version. Older versions stay
downloadable, and every version records who uploaded it and when. The stored file has a random
name under PRIVATE_MEDIA_ROOT: the member's file name is display text only.
"""

import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisplatform import access
from kennisplatform.private_files import private_storage

NAME_MAX_LENGTH = 150


def _group_readable_q(keys, prefix=""):
    return Q(**{f"{prefix}themagroep_id__in": access.group_ids(keys)})


class Folder(models.Model):
    themagroep = models.ForeignKey("themagroepen.Themagroep", on_delete=models.CASCADE, related_name="folders")
    # A folder with something in it cannot be deleted (services.delete_folder says so in Dutch);
    # RESTRICT, not PROTECT, so that deleting the whole group still cascades.
    parent = models.ForeignKey("self", on_delete=models.RESTRICT, null=True, blank=True, related_name="children")
    name = models.CharField(_("naam"), max_length=NAME_MAX_LENGTH)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("map")
        verbose_name_plural = _("mappen")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("themagroepen:bestanden:folder", kwargs={"slug": self.themagroep.slug, "folder_id": self.pk})

    def ancestors(self) -> list["Folder"]:
        """From the top folder down to this one (folders are few levels deep)."""
        chain, folder = [], self
        while folder is not None:
            chain.append(folder)
            folder = folder.parent
        return chain[::-1]

    def read_keys(self) -> frozenset[str]:
        return frozenset({access.group_key(self.themagroep_id)})

    @classmethod
    def readable_q(cls, keys, prefix="") -> Q:
        return _group_readable_q(keys, prefix)


class GroupFile(models.Model):
    themagroep = models.ForeignKey("themagroepen.Themagroep", on_delete=models.CASCADE, related_name="files")
    folder = models.ForeignKey(Folder, on_delete=models.RESTRICT, null=True, blank=True, related_name="files")
    name = models.CharField(_("naam"), max_length=NAME_MAX_LENGTH)
    description = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("themagroepen:bestanden:file", kwargs={"slug": self.themagroep.slug, "file_id": self.pk})

    @property
    def current(self) -> "FileVersion | None":
        return self.versions.order_by("-number").first()

    def read_keys(self) -> frozenset[str]:
        return frozenset({access.group_key(self.themagroep_id)})

    @classmethod
    def readable_q(cls, keys, prefix="") -> Q:
        return _group_readable_q(keys, prefix)


def version_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"bestanden/{instance.groupfile.themagroep_id}/{uuid.uuid4().hex}{extension}"


class FileVersion(models.Model):
    groupfile = models.ForeignKey(GroupFile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(storage=private_storage, upload_to=version_upload_to, max_length=255)
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    # SHA-256 of the content: search caches the extracted text by it (search.extract.document_text).
    file_hash = models.CharField(max_length=64)
    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["groupfile", "number"], name="one_number_per_file_version")]

    def __str__(self):
        return f"{self.filename} (versie {self.number})"

    def get_absolute_url(self):
        return reverse(
            "themagroepen:bestanden:version",
            kwargs={"slug": self.groupfile.themagroep.slug, "file_id": self.groupfile_id, "number": self.number},
        )

    def read_keys(self) -> frozenset[str]:
        return self.groupfile.read_keys()
