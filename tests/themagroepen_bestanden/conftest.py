"""The discussion tests' people (a besloten group, its beheerder, two members, an outsider) and
helpers to put files into the group's library through its pages."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.themagroepen_discussies.conftest import (  # noqa: F401 (fixtures)
    _fast_passwords,
    andere_groep,
    beheerder,
    buitenstaander,
    client_for,
    groep,
    lid,
    lid2,
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes(*paragraphs) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def library_url(group, rest=""):
    return f"/themagroepen/{group.slug}/bestanden/{rest}"


def upload(client, group, filename, content, **fields):
    fields.setdefault("name", "")
    return client.post(library_url(group, "uploaden/"), {"file": SimpleUploadedFile(filename, content), **fields})
