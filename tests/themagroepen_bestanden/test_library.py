"""The group library: members upload, version and download; checks by content; who may change
what; outsiders meet the members-only page, and anything of another group is a 404."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.themagroepen.conftest import make_group
from tests.themagroepen_bestanden.conftest import PDF, client_for, docx_bytes, library_url, upload
from themagroepen import services as membership_services
from themagroepen.bestanden import services
from themagroepen.bestanden.forms import UploadField
from themagroepen.bestanden.models import FileVersion, Folder, GroupFile
from themagroepen.models import Membership, Role, Visibility

pytestmark = pytest.mark.django_db


def _stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT / "bestanden"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_member_uploads_a_new_version_and_both_versions_stay_downloadable(groep, lid, lid2, settings):
    response = upload(client_for(lid), groep, 'notitie "leegstand".pdf', PDF, name="Notitie leegstand")
    groupfile = GroupFile.objects.get()
    assert response.status_code == 302 and response["Location"] == groupfile.get_absolute_url()

    second = docx_bytes("Tweede versie van de notitie")
    response = client_for(lid).post(
        library_url(groep, f"{groupfile.pk}/nieuwe-versie/"), {"file": SimpleUploadedFile("notitie-v2.docx", second)}
    )
    assert response.status_code == 302
    assert [v.number for v in groupfile.versions.all()] == [2, 1]

    member = client_for(lid2)
    page = member.get(groupfile.get_absolute_url()).content.decode()
    assert "Notitie leegstand" in page and "notitie-v2.docx" in page and "notitie leegstand.pdf" in page
    assert page.count("Anne Jansen") >= 2  # who uploaded each version

    latest = member.get(library_url(groep, f"{groupfile.pk}/downloaden/"))
    assert latest.status_code == 200 and b"".join(latest.streaming_content) == second
    assert latest["Content-Disposition"] == 'attachment; filename="notitie-v2.docx"'
    assert latest["X-Content-Type-Options"] == "nosniff"
    assert latest["Cache-Control"] == "private, no-store"
    first = member.get(library_url(groep, f"{groupfile.pk}/versies/1/"))
    assert b"".join(first.streaming_content) == PDF
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == 'attachment; filename="notitie leegstand.pdf"'
    # Stored privately under a random name.
    assert all(str(settings.PRIVATE_MEDIA_ROOT) in str(p) and "notitie" not in p.name for p in _stored_files(settings))
    assert len(_stored_files(settings)) == 2


@pytest.fixture
def library(groep, lid):
    folder = services.create_folder(groep, lid, "Verordeningen")
    sub = services.create_folder(groep, lid, "Concepten", parent=folder)
    groupfile = services.upload_file(groep, lid, SimpleUploadedFile("model.pdf", PDF), folder=sub)
    return folder, sub, groupfile


def _urls(groep, library):
    folder, sub, groupfile = library
    return [
        library_url(groep),
        library_url(groep, f"mappen/{folder.pk}/"),
        library_url(groep, f"mappen/{sub.pk}/"),
        library_url(groep, f"{groupfile.pk}/"),
        library_url(groep, f"{groupfile.pk}/downloaden/"),
        library_url(groep, f"{groupfile.pk}/versies/1/"),
    ]


def test_members_read_the_library_outsiders_and_former_members_do_not(groep, lid, lid2, buitenstaander, library):
    for url in _urls(groep, library):
        assert client_for(lid2).get(url).status_code == 200, url
        outsider = client_for(buitenstaander).get(url)
        # The members-only page of a besloten group names the group, never the file or folder.
        assert outsider.status_code == 403, url
        assert "model.pdf" not in outsider.content.decode() and "Concepten" not in outsider.content.decode()
        anonymous = client_for(lid).__class__().get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login")), url
    membership_services.leave(groep, lid2)
    for url in _urls(groep, library):
        assert client_for(lid2).get(url).status_code == 403, url


def test_a_verborgen_group_library_is_a_404_for_outsiders(groep, lid, buitenstaander, library):
    groep.visibility = Visibility.VERBORGEN
    groep.save()
    for url in _urls(groep, library):
        assert client_for(buitenstaander).get(url).status_code == 404, url
        assert client_for(lid).get(url).status_code == 200, url


def test_files_folders_and_versions_of_another_group_are_404_even_for_its_members(groep, lid, library):
    other = make_group("Winkelgebieden")
    Membership.objects.create(themagroep=other, user=lid, role=Role.LID)
    folder, _sub, groupfile = library
    client = client_for(lid)
    for rest in [
        f"mappen/{folder.pk}/",
        f"{groupfile.pk}/",
        f"{groupfile.pk}/downloaden/",
        f"{groupfile.pk}/versies/1/",
    ]:
        assert client.get(library_url(other, rest)).status_code == 404, rest
    assert client.get(library_url(groep, f"{groupfile.pk}/versies/9/")).status_code == 404
    assert client.get(library_url(groep, "uploaden/?map=abc")).status_code == 404
    assert client.get(library_url(groep, f"uploaden/?map={folder.pk + 1000}")).status_code == 404


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "MZ...")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("archief.docx", _plain_zip()),
        ("programma.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),
        ("script.pdf", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_a_renamed_zip_or_an_executable_is_refused_and_nothing_is_stored(groep, lid, name, content, settings):
    response = upload(client_for(lid), groep, name, content)
    assert response.status_code == 400
    assert "Dit bestandstype is niet toegestaan" in response.content.decode()
    assert not GroupFile.objects.exists() and not FileVersion.objects.exists()
    assert _stored_files(settings) == []


def test_a_new_version_is_checked_by_content_too(groep, lid, library, settings):
    _folder, _sub, groupfile = library
    response = client_for(lid).post(
        library_url(groep, f"{groupfile.pk}/nieuwe-versie/"), {"file": SimpleUploadedFile("v2.pdf", _plain_zip())}
    )
    assert response.status_code == 400 and "Dit bestandstype is niet toegestaan" in response.content.decode()
    assert groupfile.versions.count() == 1 and len(_stored_files(settings)) == 1


def test_files_over_10_mb_are_refused(groep, lid, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    response = upload(client_for(lid), groep, "groot.pdf", PDF + b"0" * (10 * 1024 * 1024))
    assert response.status_code == 400
    assert "groter dan 10 MB" in response.content.decode()
    assert not GroupFile.objects.exists() and _stored_files(settings) == []


class _Unreadable(SimpleUploadedFile):
    def read(self, *args):
        raise AssertionError("an oversized upload was read")


def test_the_size_is_judged_before_a_byte_is_read():
    big = _Unreadable("groot.pdf", b"")
    big.size = 10 * 1024 * 1024 + 1
    with pytest.raises(ValidationError, match="groter dan 10 MB"):
        UploadField().clean(big)


def test_only_the_uploader_or_a_beheerder_changes_a_file(groep, lid, lid2, beheerder, library):
    folder, _sub, groupfile = library
    other = client_for(lid2)
    for rest in ("nieuwe-versie/", "wijzigen/", "verwijderen/"):
        assert other.get(library_url(groep, f"{groupfile.pk}/{rest}")).status_code == 403
        assert other.post(library_url(groep, f"{groupfile.pk}/{rest}")).status_code == 403
    assert GroupFile.objects.filter(pk=groupfile.pk).exists()
    assert "Nieuwe versie uploaden" not in other.get(groupfile.get_absolute_url()).content.decode()

    response = client_for(beheerder).post(
        library_url(groep, f"{groupfile.pk}/wijzigen/"),
        {"name": "Modelverordening 2025", "folder": folder.pk, "description": ""},
    )
    assert response.status_code == 302
    groupfile.refresh_from_db()
    assert (groupfile.name, groupfile.folder) == ("Modelverordening 2025", folder)
    entry = ModelLogEntry.objects.get(action="themagroepen.bestand.wijzigen")
    assert entry.user == beheerder and "Verordeningen" in entry.data["detail"]


def test_a_folder_of_another_group_cannot_be_chosen(groep, lid, library):
    _folder, _sub, groupfile = library
    other = make_group("Winkelgebieden")
    foreign = Folder.objects.create(themagroep=other, name="Elders")
    response = client_for(lid).post(
        library_url(groep, f"{groupfile.pk}/wijzigen/"), {"name": "Model", "folder": foreign.pk}
    )
    assert response.status_code == 400
    assert "Kies een van de mappen van deze groep." in response.content.decode()
    groupfile.refresh_from_db()
    assert groupfile.folder.themagroep == groep


def test_deleting_asks_first_then_removes_every_version_and_its_bytes(
    groep, lid, beheerder, library, settings, django_capture_on_commit_callbacks
):
    _folder, sub, groupfile = library
    client = client_for(beheerder)
    confirm = client.get(library_url(groep, f"{groupfile.pk}/verwijderen/"))
    assert confirm.status_code == 200 and "Ja, verwijderen" in confirm.content.decode()
    assert GroupFile.objects.exists()

    assert len(_stored_files(settings)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(library_url(groep, f"{groupfile.pk}/verwijderen/"))
    assert response.status_code == 302 and response["Location"] == sub.get_absolute_url()
    assert not GroupFile.objects.exists() and not FileVersion.objects.exists()
    assert _stored_files(settings) == []
    assert ModelLogEntry.objects.filter(action="themagroepen.bestand.verwijderen", user=beheerder).exists()
    assert client.get(library_url(groep, f"{groupfile.pk}/versies/1/")).status_code == 404


def test_a_folder_with_content_is_not_deleted(groep, lid, library):
    folder, sub, _groupfile = library
    response = client_for(lid).post(library_url(groep, f"mappen/{sub.pk}/verwijderen/"))
    assert response.status_code == 400
    assert "Deze map is niet leeg" in response.content.decode()
    assert Folder.objects.filter(pk=sub.pk).exists()


def test_members_make_nested_folders_to_a_limited_depth(groep, lid2, library):
    _folder, sub, _groupfile = library
    client = client_for(lid2)
    response = client.post(library_url(groep, f"mappen/nieuw/?in={sub.pk}"), {"name": "  Utrecht "})
    created = Folder.objects.get(name="Utrecht")
    assert response.status_code == 302 and created.parent == sub and created.created_by == lid2
    response = client.post(library_url(groep, f"mappen/nieuw/?in={created.pk}"), {"name": "Te diep"})
    assert response.status_code == 400 and "maximaal 3 niveaus diep" in response.content.decode()
    response = client.post(library_url(groep, "mappen/nieuw/"), {"name": "   "})
    assert response.status_code == 400 and "Geef de map een naam." in response.content.decode()


def test_an_empty_library_says_so_and_how_to_start(groep, lid):
    page = client_for(lid).get(library_url(groep)).content.decode()
    assert "Er staan nog geen bestanden in de bibliotheek van deze groep." in page
    assert "Bestand uploaden" in page
    group_page = client_for(lid).get(f"/themagroepen/{groep.slug}/").content.decode()
    assert library_url(groep) in group_page


def test_the_privacy_export_lists_what_the_member_uploaded(groep, lid, lid2, library):
    from accounts import privacy

    _folder, _sub, groupfile = library
    services.add_version(groupfile, lid2, SimpleUploadedFile("model-2.pdf", PDF))
    mine = privacy.export_user_data(lid2)["bestanden"]
    assert [(f["bestand"], f["versie"], f["bestandsnaam"]) for f in mine["geuploade_bestanden"]] == [
        ("model", 2, "model-2.pdf")
    ]
    assert [f["naam"] for f in privacy.export_user_data(lid)["bestanden"]["aangemaakte_mappen"]] == [
        "Verordeningen",
        "Concepten",
    ]


def test_deleting_the_group_takes_its_library_along(lid):
    group = make_group("Opgeheven werkgroep")
    Membership.objects.create(themagroep=group, user=lid, role=Role.LID)
    auth_group_id = group.auth_group_id
    assert lid.groups.filter(pk=auth_group_id).exists()
    folder = services.create_folder(group, lid, "Archief")
    services.create_folder(group, lid, "Oud", parent=folder)
    services.upload_file(group, lid, SimpleUploadedFile("a.pdf", PDF), folder=folder)
    group.delete()
    assert not Folder.objects.exists() and not GroupFile.objects.exists() and not FileVersion.objects.exists()
    assert not lid.groups.filter(pk=auth_group_id).exists()  # its permission group no longer holds the member


def test_an_upload_without_a_file_gets_a_dutch_error(groep, lid):
    response = client_for(lid).post(library_url(groep, "uploaden/"))
    assert response.status_code == 400
    assert "Kies een bestand om te uploaden." in response.content.decode()


def test_uploads_are_rate_limited_and_the_one_over_the_limit_is_not_stored(groep, lid, settings):
    from kennisplatform.ratelimit import MESSAGE

    settings.PLATFORM_RATE_LIMITS = {"file_upload": "2/m/user"}
    client = client_for(lid)
    assert client.get(library_url(groep, "uploaden/")).status_code == 200  # reading the form does not count
    for n in range(2):
        assert upload(client, groep, f"nota-{n}.pdf", PDF).status_code == 302
    response = upload(client, groep, "een-te-veel.pdf", PDF)
    assert response.status_code == 429 and MESSAGE in response.content.decode()
    assert GroupFile.objects.count() == 2 and len(_stored_files(settings)) == 2


def test_odd_digits_in_a_folder_parameter_are_a_404_not_an_error(groep, lid):
    client = client_for(lid)
    for odd in ("²", "٣" * 5000, "1" * 30):
        assert client.get(library_url(groep, "uploaden/"), {"map": odd}).status_code == 404


def test_the_service_refuses_a_folder_of_another_group(groep, lid):
    other = make_group("Andere werkgroep")
    Membership.objects.create(themagroep=other, user=lid, role=Role.LID)
    foreign = services.create_folder(other, lid, "Van de ander")
    with pytest.raises(ValidationError):
        services.upload_file(groep, lid, SimpleUploadedFile("a.pdf", PDF), folder=foreign)
    with pytest.raises(ValidationError):
        services.create_folder(groep, lid, "Binnen de ander", parent=foreign)
    assert not GroupFile.objects.exists()
