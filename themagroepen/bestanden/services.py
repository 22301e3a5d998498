"""Changing a group's library: every write goes through here, so files are checked by content,
stored privately, logged and re-indexed the same way from views, the demo and tests.

Who may do what (callers check with the ``can_*`` functions): members read, upload and make
folders, as in Pleio, where a group's members share the library; the uploader of a file, or a
beheerder, renames, moves, deletes it or uploads a new version; the maker of a folder, or a
beheerder, renames or deletes it, and only when it is empty (nothing is deleted in bulk).
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from kennisplatform import access
from themagroepen import audit
from themagroepen.bestanden.models import FileVersion, Folder, GroupFile
from themagroepen.permissions import can_read_content
from themagroepen.uploads import safe_filename, sniff

logger = logging.getLogger(__name__)

# Nested folders are allowed up to this depth: deeper trees hide files more than they order them.
MAX_DEPTH = 3


def can_upload(user, themagroep) -> bool:
    return can_read_content(user, themagroep)


def can_change_file(user, groupfile) -> bool:
    if not access.can_read(user, groupfile):
        return False
    return groupfile.uploader_id == user.pk or access.is_beheerder(user, groupfile.themagroep)


def can_change_folder(user, folder) -> bool:
    if not access.can_read(user, folder):
        return False
    return folder.created_by_id == user.pk or access.is_beheerder(user, folder.themagroep)


def _store_version(groupfile, upload, uploader) -> FileVersion:
    """Check the upload by content (bounded before it is read), then store it privately."""
    extension, content_type = sniff(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    filename = safe_filename(upload.name, extension)
    upload.name = filename
    number = (groupfile.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return FileVersion.objects.create(
        groupfile=groupfile,
        number=number,
        file=upload,
        filename=filename,
        content_type=content_type,
        size=upload.size,
        file_hash=digest.hexdigest(),
        uploader=uploader,
    )


def _check_same_group(themagroep_id, folder) -> None:
    # The forms offer only the group's own folders; this keeps every other caller to that too.
    if folder is not None and folder.themagroep_id != themagroep_id:
        raise ValidationError("Deze map hoort niet bij deze themagroep.")


def _delete_stored(fieldfiles) -> None:
    """After commit; a file that cannot be removed stays on disk and is logged, the delete stands."""
    for fieldfile in fieldfiles:
        try:
            fieldfile.delete(save=False)
        except OSError:
            logger.exception("Bibliotheek: %s kon niet van de opslag worden verwijderd", fieldfile.name)


def _display_name(name, upload) -> str:
    return (name or "").strip() or safe_filename(upload.name)


@transaction.atomic
def upload_file(themagroep, uploader, upload, folder=None, name="", description="") -> GroupFile:
    """A new file with its first version. ValidationError (Dutch) or StorageError: nothing stays."""
    _check_same_group(themagroep.pk, folder)
    now = timezone.now()
    groupfile = GroupFile.objects.create(
        themagroep=themagroep,
        folder=folder,
        name=_display_name(name, upload),
        description=description,
        uploader=uploader,
        created=now,
        updated=now,
    )
    _store_version(groupfile, upload, uploader)
    return groupfile


@transaction.atomic
def add_version(groupfile, uploader, upload) -> FileVersion:
    # The row lock numbers two simultaneous uploads 2 and 3 instead of failing on the constraint.
    GroupFile.objects.select_for_update().filter(pk=groupfile.pk).values_list("pk").get()
    version = _store_version(groupfile, upload, uploader)
    groupfile.updated = version.created
    groupfile.save(update_fields=["updated"])  # re-indexes the file with the new text
    return version


@transaction.atomic
def change_file(groupfile, by, name, folder, description) -> None:
    _check_same_group(groupfile.themagroep_id, folder)
    changes = []
    if name != groupfile.name:
        changes.append(f"naam “{groupfile.name}” → “{name}”")
    if folder != groupfile.folder:
        changes.append(f"naar map “{folder.name}”" if folder else "naar de hoofdmap")
    groupfile.name, groupfile.folder, groupfile.description = name, folder, description
    groupfile.save(update_fields=["name", "folder", "description"])
    if changes:
        audit.record(
            groupfile,
            "themagroepen.bestand.wijzigen",
            by=by,
            themagroep=groupfile.themagroep,
            title=groupfile.name,
            detail="; ".join(changes),
        )


def delete_file(groupfile, by) -> None:
    """The file, all its versions and their stored bytes; gone from search before the response."""
    from search.queue import sync_now

    themagroep, stored = groupfile.themagroep, [v.file for v in groupfile.versions.all()]
    gone = GroupFile(pk=groupfile.pk, themagroep=themagroep)  # delete() clears the instance's pk
    with transaction.atomic():
        audit.record(groupfile, "themagroepen.bestand.verwijderen", by=by, themagroep=themagroep, title=groupfile.name)
        groupfile.delete()
        # The bytes go only once the rows are gone for good.
        transaction.on_commit(lambda: _delete_stored(stored), robust=True)
        transaction.on_commit(lambda: sync_now(gone), robust=True)


def folder_depth(folder) -> int:
    return len(folder.ancestors()) if folder else 0


@transaction.atomic
def create_folder(themagroep, by, name, parent=None) -> Folder:
    _check_same_group(themagroep.pk, parent)
    if folder_depth(parent) >= MAX_DEPTH:
        raise ValidationError(f"Mappen kunnen maximaal {MAX_DEPTH} niveaus diep zijn. Kies een hogere map.")
    return Folder.objects.create(themagroep=themagroep, parent=parent, name=name, created_by=by)


@transaction.atomic
def rename_folder(folder, by, name) -> None:
    if name != folder.name:
        audit.record(
            folder,
            "themagroepen.map.wijzigen",
            by=by,
            themagroep=folder.themagroep,
            title=name,
            detail=f"naam “{folder.name}” → “{name}”",
        )
        folder.name = name
        folder.save(update_fields=["name"])  # its files' documents name the folder


@transaction.atomic
def delete_folder(folder, by) -> None:
    if folder.children.exists() or folder.files.exists():
        raise ValidationError("Deze map is niet leeg. Verplaats of verwijder eerst de bestanden en mappen erin.")
    audit.record(folder, "themagroepen.map.verwijderen", by=by, themagroep=folder.themagroep, title=folder.name)
    folder.delete()
