"""What each kind of visitor sees, the beheerder's tools, CSV export and files."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.test import RequestFactory

from tests.bijeenkomsten.conftest import amsterdam, make_bijeenkomst, make_member, only_occurrence
from tests.conftest import make_verified_user
from themagroepen.bijeenkomsten import services

pytestmark = pytest.mark.django_db


def url(occurrence, suffix=""):
    return f"/themagroepen/{occurrence.bijeenkomst.themagroep.slug}/bijeenkomsten/{occurrence.pk}/{suffix}"


@pytest.fixture
def public_webinar(themagroep, beheerder):
    return only_occurrence(
        make_bijeenkomst(
            themagroep,
            title="Webinar leegstandverordening",
            description="De **modelverordening** uitgelegd.",
            visibility="openbaar",
            start=amsterdam(2030, 1, 21, 10),
            end=amsterdam(2030, 1, 21, 11, 30),
            place="Online",
            address="",
            online_url="https://webinar.example/geheime-kamer",
            organiser=beheerder,
        )
    )


@pytest.fixture
def closed_meeting(themagroep):
    return only_occurrence(
        make_bijeenkomst(
            themagroep,
            title="Besloten bestuurdersoverleg",
            start=amsterdam(2030, 1, 22, 15),
            end=amsterdam(2030, 1, 22, 17),
        )
    )


def test_anonymous_visitor_sees_the_public_announcement_but_no_link_or_organiser(
    client, public_webinar, closed_meeting
):
    page = client.get(url(public_webinar)).content.decode()
    assert "Webinar leegstandverordening" in page
    assert "<strong>modelverordening</strong>" in page
    assert "maandag 21 januari 2030, 10.00–11.30 uur" in page
    assert "geheime-kamer" not in page
    assert "beheerder@vng.example" not in page
    assert client.get(url(closed_meeting)).status_code == 404


def test_agenda_month_view_shows_only_public_announcements_to_visitors(client, public_webinar, closed_meeting):
    page = client.get("/agenda/?maand=2030-01").content.decode()
    assert "Webinar leegstandverordening" in page
    assert "Besloten bestuurdersoverleg" not in page
    assert "geheime-kamer" not in page
    assert "januari 2030" in page


def test_agenda_month_view_shows_members_their_closed_meetings(client, member, public_webinar, closed_meeting):
    client.force_login(member)
    page = client.get("/agenda/?maand=2030-01").content.decode()
    assert "Webinar leegstandverordening" in page and "Besloten bestuurdersoverleg" in page


def test_agenda_rejects_nonsense_months(client, db):
    assert client.get("/agenda/?maand=abc").status_code == 404


def test_group_page_include_lists_public_announcements_only_for_outsiders(
    themagroep, public_webinar, closed_meeting, member
):
    from django.contrib.auth.models import AnonymousUser

    template = engines["django"].from_string('{% include "bijeenkomsten/_group_upcoming.html" %}')
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    outsider_html = template.render({"themagroep": themagroep, "request": request})
    assert "Webinar leegstandverordening" in outsider_html and "Besloten bestuurdersoverleg" not in outsider_html
    request.user = member
    member_html = template.render({"themagroep": themagroep, "request": request})
    assert "Besloten bestuurdersoverleg" in member_html


def test_registered_member_sees_the_online_link_others_do_not(client, member, public_webinar):
    client.force_login(member)
    assert "geheime-kamer" not in client.get(url(public_webinar)).content.decode()
    response = client.post(url(public_webinar, "inschrijven/"), {"remark": "Graag de slides achteraf"})
    assert response.status_code == 302
    page = client.get(url(public_webinar)).content.decode()
    assert "U bent ingeschreven" in page
    assert "https://webinar.example/geheime-kamer" in page


def test_member_can_cancel_through_the_page(client, member, closed_meeting):
    client.force_login(member)
    client.post(url(closed_meeting, "inschrijven/"), {"remark": ""})
    client.post(url(closed_meeting, "uitschrijven/"))
    assert services.registration_of(member, closed_meeting) is None


def test_outsider_cannot_register_for_a_public_members_only_meeting(client, public_webinar):
    outsider = make_verified_user("buiten@gemeente.example")
    client.force_login(outsider)
    assert client.get(url(public_webinar)).status_code == 200
    assert client.post(url(public_webinar, "inschrijven/"), {"remark": ""}).status_code == 403
    assert services.registration_of(outsider, public_webinar) is None


def test_participants_list_and_csv_are_for_beheerders(client, themagroep, beheerder, member, closed_meeting):
    attacker = make_member(themagroep, "aanvaller@gemeente.example")
    services.register(member, closed_meeting, "Ik neem een collega mee")
    services.register(attacker, closed_meeting, '=HYPERLINK("http://evil.example","klik")')

    client.force_login(member)
    assert client.get(url(closed_meeting, "deelnemers/")).status_code == 403
    assert client.get(url(closed_meeting, "deelnemers.csv")).status_code == 403

    client.force_login(beheerder)
    page = client.get(url(closed_meeting, "deelnemers/")).content.decode()
    assert "lid@utrecht.example" in page and "Ik neem een collega mee" in page

    response = client.get(url(closed_meeting, "deelnemers.csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Naam", "E-mailadres", "Status", "Positie wachtlijst", "Opmerking", "Ingeschreven op"]
    remarks = {row[1]: row[4] for row in rows[1:]}
    assert remarks["lid@utrecht.example"] == "Ik neem een collega mee"
    assert remarks["aanvaller@gemeente.example"] == '\'=HYPERLINK("http://evil.example","klik")'


def test_participants_are_refused_to_non_members(client, closed_meeting):
    client.force_login(make_verified_user("buiten@gemeente.example"))
    refused = client.get(url(closed_meeting, "deelnemers.csv"))
    assert refused.status_code == 403 and "Deze pagina is alleen voor leden" in refused.content.decode()


def test_beheerder_adds_a_verslag_and_a_presentation_only_members_can_download(
    client, themagroep, beheerder, member, public_webinar
):
    client.force_login(beheerder)
    response = client.post(
        url(public_webinar, "verslag/"),
        {"verslag-verslag": "## Terugblik\n\nGoed gesprek.", "verslag-discussion_url": ""},
    )
    assert response.status_code == 302
    upload = SimpleUploadedFile("slides.pdf", b"%PDF-1.4 presentatie", content_type="application/pdf")
    response = client.post(
        url(public_webinar, "verslag/"), {"bijlage-title": "Presentatie gemeente Utrecht", "bijlage-file": upload}
    )
    assert response.status_code == 302
    attachment = public_webinar.attachments.get()
    from django.conf import settings

    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path
    assert str(settings.MEDIA_ROOT) not in attachment.file.path

    client.force_login(member)
    page = client.get(url(public_webinar)).content.decode()
    assert "Goed gesprek." in page and "Presentatie gemeente Utrecht" in page
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 presentatie"

    client.logout()
    anonymous_page = client.get(url(public_webinar)).content.decode()
    assert "Goed gesprek." not in anonymous_page and "Presentatie gemeente Utrecht" not in anonymous_page
    assert client.get(attachment.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("slides.pdf", b"<html><script>alert(1)</script></html>", "niet toegestaan"),
        ("slides.html", b"%PDF-1.4 presentatie", "past niet bij de inhoud"),
    ],
)
def test_presentations_are_checked_by_content_and_refused_with_a_dutch_error(
    client, beheerder, public_webinar, name, content, message
):
    client.force_login(beheerder)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(url(public_webinar, "verslag/"), {"bijlage-title": "Presentatie", "bijlage-file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not public_webinar.attachments.exists()


def test_beheerder_starts_a_discussion_topic_for_the_verslag(client, beheerder, closed_meeting):
    from themagroepen.discussies.models import Topic

    client.force_login(beheerder)
    response = client.post(url(closed_meeting, "verslag/discussie/"))
    topic = Topic.objects.get()
    assert topic.themagroep == closed_meeting.bijeenkomst.themagroep
    assert closed_meeting.get_absolute_url() in topic.body
    closed_meeting.refresh_from_db()
    assert closed_meeting.discussion_url == topic.get_absolute_url()
    assert response["Location"] == topic.get_absolute_url()


def test_discussion_link_refuses_javascript_urls(client, beheerder, closed_meeting):
    client.force_login(beheerder)
    response = client.post(
        url(closed_meeting, "verslag/"), {"verslag-verslag": "x", "verslag-discussion_url": "javascript:alert(1)"}
    )
    assert response.status_code == 200
    closed_meeting.refresh_from_db()
    assert closed_meeting.discussion_url == ""


def test_beheerder_plans_a_series_through_the_form(client, themagroep, beheerder, member):
    client.force_login(beheerder)
    form = {
        "kind": "bijeenkomst",
        "title": "PAKT-bestuurdersplatform",
        "description": "Twee keer per jaar.",
        "start": "2030-03-18T15:00",
        "end": "2030-03-18T17:30",
        "place": "Utrecht",
        "address": "Archimedeslaan 6",
        "online_url": "",
        "capacity": "40",
        "registration_deadline": "",
        "visibility": "leden",
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=6;COUNT=4",
    }
    response = client.post(f"/themagroepen/{themagroep.slug}/bijeenkomsten/nieuw/", form)
    assert response.status_code == 302
    from themagroepen.bijeenkomsten.models import Bijeenkomst

    bijeenkomst = Bijeenkomst.objects.get(title="PAKT-bestuurdersplatform")
    assert bijeenkomst.start == amsterdam(2030, 3, 18, 15)
    assert bijeenkomst.occurrences.count() == 4
    client.force_login(member)
    assert client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/nieuw/").status_code == 403


def test_invalid_recurrence_rule_is_explained(client, themagroep, beheerder):
    client.force_login(beheerder)
    response = client.post(
        f"/themagroepen/{themagroep.slug}/bijeenkomsten/nieuw/",
        {
            "kind": "bijeenkomst",
            "title": "X",
            "start": "2030-03-18T15:00",
            "end": "2030-03-18T17:00",
            "visibility": "leden",
            "recurrence_rule": "FREQ=SOMETIMES",
        },
    )
    assert response.status_code == 200
    assert "niet begrepen" in response.content.decode()


def test_a_hidden_group_never_announces_publicly(client, db):
    from tests.bijeenkomsten.conftest import make_group

    hidden = make_group("Geheime groep", "geheime-groep", visibility="verborgen")
    occurrence = only_occurrence(
        make_bijeenkomst(
            hidden,
            title="Verborgen overleg",
            visibility="openbaar",
            start=amsterdam(2030, 1, 5, 10),
            end=amsterdam(2030, 1, 5, 11),
        )
    )
    assert "Verborgen overleg" not in client.get("/agenda/?maand=2030-01").content.decode()
    assert client.get(url(occurrence)).status_code == 404


def test_group_page_shows_public_announcements_to_visitors_but_not_members_only_meetings(client, themagroep, home_page):
    """The besloten group's public page carries its announced meetings, never the closed ones."""
    make_bijeenkomst(themagroep, title="Openbaar webinar leegstandverordening", visibility="openbaar")
    make_bijeenkomst(themagroep, title="Besloten intervisie", visibility="leden")

    html = client.get(themagroep.get_absolute_url()).content.decode()
    assert "Openbaar webinar leegstandverordening" in html
    assert "Besloten intervisie" not in html


def test_past_meetings_are_paged_newest_first(client, themagroep, member):
    from bs4 import BeautifulSoup

    for week in range(1, 26):
        make_bijeenkomst(
            themagroep, title=f"Terugblik week {week}", start=amsterdam(2025, 1, 1, 10) + timedelta(weeks=week)
        )
    client.force_login(member)
    list_url = f"/themagroepen/{themagroep.slug}/bijeenkomsten/"

    first = BeautifulSoup(client.get(list_url).content, "html.parser")
    titles = [h.get_text(strip=True) for h in first.select("#eerder ~ .event-list h3")]
    assert titles[:2] == ["Terugblik week 25", "Terugblik week 24"] and len(titles) == 20
    next_link = first.select_one("nav[aria-label='Paginering eerdere bijeenkomsten'] a[rel=next]")

    second = BeautifulSoup(client.get(list_url + next_link["href"]).content, "html.parser")
    assert [h.get_text(strip=True) for h in second.select("#eerder ~ .event-list h3")] == [
        f"Terugblik week {w}" for w in range(5, 0, -1)
    ]
    assert second.select_one(".pagination [aria-current=page]").get_text(" ", strip=True) == "Pagina 2"
