"""Uploads that would hurt the server, and a storage that fails: refused or reported in Dutch,
the typed text kept, nothing stored (no rows, no files)."""

import io
import struct
import tracemalloc
import zipfile
import zlib
from urllib.request import urlopen

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.support.uploads import stream_body
from tests.themagroepen_discussies.conftest import client_for
from tests.themagroepen_discussies.test_attachments import PDF, docx_bytes, post_reply
from themagroepen.discussies.models import Attachment, Reply, Topic

MB = 1024 * 1024


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def assert_nothing_stored(settings):
    assert not Reply.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


# --- archives ------------------------------------------------------------------------------------


def docx_with_member(size: int) -> bytes:
    """A genuine .docx plus one highly compressible member of ``size`` bytes."""
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/image1.bin", "w") as member:
            block = b"\0" * MB
            for _ in range(size // MB):
                member.write(block)
    return buffer.getvalue()


def lying_docx() -> bytes:
    """A .docx whose 20 MB member claims, in both headers, to be 1,000 bytes."""
    data = bytearray(docx_with_member(20 * MB))
    real = struct.pack("<I", 20 * MB)
    claimed = struct.pack("<I", 1000)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            field = start + offset
            if data[field : field + 4] == real:
                data[field : field + 4] = claimed
            start += 4
    return bytes(data)


def peak_memory_during(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
def test_a_small_docx_holding_a_300_mb_member_is_refused_without_inflating_it(groep, lid, topic, settings):
    bomb = docx_with_member(300 * MB)
    assert len(bomb) < MB
    responses = []

    peak = peak_memory_during(
        lambda: responses.append(post_reply(client_for(lid), groep, topic, SimpleUploadedFile("bom.docx", bomb)))
    )

    page = responses[0].content.decode()
    assert responses[0].status_code == 400
    assert "wordt uitgepakt veel groter dan het bestand zelf" in page
    assert "Zie bijlage" in page  # the typed text is still in the form
    assert peak < 30 * MB, f"{peak / MB:.0f} MB allocated while judging the file"
    assert_nothing_stored(settings)


@pytest.mark.django_db
def test_a_docx_that_lies_about_its_member_sizes_is_refused(groep, lid, topic, settings):
    response = post_reply(client_for(lid), groep, topic, SimpleUploadedFile("leugen.docx", lying_docx()))
    assert response.status_code == 400
    assert "Dit bestandstype is niet toegestaan" in response.content.decode()
    assert_nothing_stored(settings)


def test_search_extraction_skips_an_archive_bomb():
    from search.extract import extract_text

    peak = peak_memory_during(lambda: extract_text(docx_with_member(300 * MB), "bom.docx"))
    assert peak < 30 * MB


# --- images --------------------------------------------------------------------------------------


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares the given size (the pixel data is never needed)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("width", "height"), [(8000, 8000), (50000, 50000)])
def test_images_with_absurd_pixel_counts_are_refused(groep, lid, topic, settings, width, height):
    response = post_reply(client_for(lid), groep, topic, SimpleUploadedFile("kaart.png", png_declaring(width, height)))
    assert response.status_code == 400
    assert "te veel beeldpunten" in response.content.decode()
    assert_nothing_stored(settings)


@pytest.mark.django_db
def test_an_ordinary_image_is_still_accepted(groep, lid, topic):
    response = post_reply(client_for(lid), groep, topic, SimpleUploadedFile("foto.png", png_declaring(1600, 1200)))
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == "image/png"


def test_wagtail_images_refuse_the_same_pixel_bomb():
    from django.core.exceptions import ValidationError
    from PIL import Image
    from wagtail.images.fields import WagtailImageField

    buffer = io.BytesIO()
    Image.new("1", (8000, 8000)).save(buffer, "PNG")  # a real, decodable 64-megapixel image
    assert django_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == django_settings.MAX_IMAGE_PIXELS
    with pytest.raises(ValidationError) as refused:
        WagtailImageField().clean(SimpleUploadedFile("kaart.png", buffer.getvalue()))
    assert refused.value.code == "file_too_many_pixels"


# --- the storage fails ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_failing_storage_gives_a_dutch_form_error_and_keeps_the_text(groep, lid, topic, failing_private_storage):
    settings = django_settings
    client = client_for(lid)
    typed = "Mijn verslag van de werksessie over **tijdelijke verhuur**."
    files = [SimpleUploadedFile("eerste.pdf", PDF), SimpleUploadedFile("tweede.pdf", PDF + b"0" * (200 * 1024))]

    response = client.post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
        {"body": typed, "files": files, "plaatsen": ""},
    )

    page = response.content.decode()
    assert response.status_code == 503
    assert "kon niet worden opgeslagen" in page and "uw tekst staat nog in het formulier" in page
    assert "Mijn verslag van de werksessie over **tijdelijke verhuur**." in page
    assert_nothing_stored(settings)


@pytest.mark.django_db
def test_a_new_topic_keeps_title_and_text_when_the_storage_fails(groep, lid, failing_private_storage):
    response = client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/nieuw/",
        {"title": "Kantoren ombouwen", "body": "Wie deed dit al?", "files": [SimpleUploadedFile("a.pdf", PDF * 5000)]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "kon niet worden opgeslagen" in page
    assert 'value="Kantoren ombouwen"' in page and "Wie deed dit al?" in page
    assert not Topic.objects.exists()
    assert stored_files(failing_private_storage) == []


# --- a 100 MB attachment ---------------------------------------------------------------------------


def test_a_100_mb_attachment_is_refused_before_it_is_read(live_server_url, groep, lid, topic, settings):
    member = client_for(lid)
    cookie = f"Cookie: {settings.SESSION_COOKIE_NAME}={member.cookies[settings.SESSION_COOKIE_NAME].value}"
    port = int(live_server_url.rsplit(":", 1)[1])

    upload = stream_body(
        port, f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/", 100 * MB, headers=[cookie]
    )

    assert upload.status == 413
    assert "Te groot om te versturen" in upload.body and "10 MB per bestand" in upload.body
    assert upload.sent <= 8 * MB
    assert_nothing_stored(settings)
    with urlopen(f"{live_server_url}/themagroepen/", timeout=30) as page:  # and the server goes on serving
        assert page.status == 200
