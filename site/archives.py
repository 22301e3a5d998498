"""Zip containers (Office and OpenDocument files) are opened with bounds, never inflated blindly.

A 0.3 MB .docx can declare a 300 MB member; reading it whole cost the server 580 MB. Every
archive we open is first checked by its declared sizes (member count, each member, the total),
and at upload also by its actual sizes: each member is decompressed in blocks and counted,
so a member whose header lies is caught by zipfile's length and CRC checks before any of it
is kept. Readers then take at most the bound from any member.
"""

import zipfile

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
BLOCK = 64 * 1024


class ArchiveTooLarge(ValueError):
    """The archive would inflate beyond the bounds (or lies about its sizes)."""


def check_declared(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveTooLarge(f"{len(members)} members")
    total = 0
    for member in members:
        if member.file_size > MAX_MEMBER_BYTES:
            raise ArchiveTooLarge(f"{member.filename}: {member.file_size} bytes declared")
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise ArchiveTooLarge(f"{total} bytes declared in total")


def check_actual(archive: zipfile.ZipFile) -> None:
    """Decompress every member in blocks, keeping nothing; BadZipFile if a header lies."""
    check_declared(archive)
    total = 0
    for member in archive.infolist():
        size = 0
        with archive.open(member) as stream:
            while block := stream.read(BLOCK):
                size += len(block)
                total += len(block)
                if size > member.file_size or size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                    raise ArchiveTooLarge(f"{member.filename}: more than declared")


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
    with archive.open(name) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ArchiveTooLarge(f"{name}: more than {limit} bytes")
    return data
