"""Attachments: judged by content, size-limited, stored privately, served only to members."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.support.asgi import asgi_get
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.models import Attachment, Reply

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Leegstandsverordening, concept")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def plain_zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "MZ...")
    return buffer.getvalue()


def post_reply(client, groep, topic, *files):
    return client.post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
        {"body": "Zie bijlage", "files": list(files), "plaatsen": ""},
    )


@pytest.mark.parametrize(
    ("name", "content", "stored_name", "content_type"),
    [
        ("plan.pdf", PDF, "plan.pdf", "application/pdf"),
        ("foto.PNG", PNG, "foto.png", "image/png"),
        (
            "verordening.docx",
            None,
            "verordening.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("notitie.odt", None, "notitie.odt", "application/vnd.oasis.opendocument.text"),
        # The content decides: a PDF named .docx is stored and served as a PDF.
        ("misleidend.docx", PDF, "misleidend.pdf", "application/pdf"),
    ],
)
def test_accepted_types_are_recognised_by_content(
    groep, lid, topic, name, content, stored_name, content_type, settings
):
    content = content or (docx_bytes() if name.endswith("docx") else odt_bytes())
    response = post_reply(
        client_for(lid), groep, topic, SimpleUploadedFile(name, content, content_type="application/octet-stream")
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.content_type) == (stored_name, content_type)
    # Stored below PRIVATE_MEDIA_ROOT, with a random file name, and nothing under MEDIA_ROOT.
    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert stored_name not in path
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.pdf", b"<html><script>alert(1)</script></html>"),
        ("archief.docx", plain_zip_bytes()),
        ("programma.png", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),
        ("tekening.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ],
)
def test_other_content_is_refused_whatever_its_name(groep, lid, topic, name, content):
    response = post_reply(client_for(lid), groep, topic, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert "Dit bestandstype is niet toegestaan" in response.content.decode()
    assert not Reply.objects.exists() and not Attachment.objects.exists()


def test_files_over_10_mb_are_refused(groep, lid, topic, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    big = SimpleUploadedFile("groot.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = post_reply(client_for(lid), groep, topic, big)
    assert response.status_code == 400
    assert "groter dan 10 MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_download_is_for_members_only_as_attachment_with_safe_headers(groep, lid, lid2, topic, buitenstaander):
    post_reply(client_for(lid), groep, topic, SimpleUploadedFile('rapport "leegstand".pdf', PDF))
    attachment = Attachment.objects.get()
    url = f"/themagroepen/{groep.slug}/discussies/bijlagen/{attachment.pk}/"
    response = client_for(lid2).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="rapport leegstand.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(buitenstaander).get(url).status_code == 403  # the members-only page
    assert client_for(lid).__class__().get(url).status_code == 302  # anonymous: to the login page


def test_attachments_of_hidden_replies_are_for_beheerders_only(groep, lid, lid2, beheerder, topic):
    post_reply(client_for(lid), groep, topic, SimpleUploadedFile("plan.pdf", PDF))
    reply = Reply.objects.get()
    reply.hidden = True
    reply.save()
    url = f"/themagroepen/{groep.slug}/discussies/bijlagen/{Attachment.objects.get().pk}/"
    assert client_for(lid2).get(url).status_code == 404
    assert client_for(beheerder).get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_large_attachment_reaches_a_member_in_blocks_under_asgi(groep, lid, lid2, topic):
    content = b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024) + b"\n%%EOF\n"
    client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
        {"body": "Het rapport", "files": [SimpleUploadedFile("rapport.pdf", content)], "plaatsen": ""},
    )
    attachment = Attachment.objects.get()
    from django.conf import settings

    member = client_for(lid2)
    cookie = f"{settings.SESSION_COOKIE_NAME}={member.cookies[settings.SESSION_COOKIE_NAME].value}"

    status, headers, bodies = asgi_get(f"/themagroepen/{groep.slug}/discussies/bijlagen/{attachment.pk}/", cookie)

    assert status == 200
    assert headers[b"Content-Length"] == str(len(content)).encode()
    assert b"".join(bodies) == content
    assert max(map(len, bodies)) <= 64 * 1024
