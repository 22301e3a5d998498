"""Meeting presentations: archive bombs refused, a failing storage reported in Dutch with the
typed title kept, and nothing stored."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.bijeenkomsten.test_views import public_webinar, url  # noqa: F401  (fixture)
from tests.themagroepen_discussies.test_upload_faults import docx_with_member, stored_files


def post_presentation(client, occurrence, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(url(occurrence, "verslag/"), {"bijlage-title": "Presentatie Utrecht", "bijlage-file": upload})


def test_a_presentation_that_inflates_to_300_mb_is_refused(client, beheerder, public_webinar):  # noqa: F811
    client.force_login(beheerder)
    response = post_presentation(client, public_webinar, "bom.docx", docx_with_member(300 * 1024 * 1024))
    assert response.status_code == 200
    assert "wordt uitgepakt veel groter dan het bestand zelf" in response.content.decode()
    assert not public_webinar.attachments.exists()
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_failing_storage_keeps_the_title_and_stores_nothing(
    client,
    beheerder,
    public_webinar,  # noqa: F811
    failing_private_storage,
):
    client.force_login(beheerder)
    response = post_presentation(client, public_webinar, "slides.pdf", b"%PDF-1.4 " + b"0" * 200_000)
    page = response.content.decode()
    assert response.status_code == 200
    assert "kon niet worden opgeslagen" in page
    assert 'value="Presentatie Utrecht"' in page
    assert not public_webinar.attachments.exists()
    assert stored_files(failing_private_storage) == []
