"""The moderation queue with teeth: a beheerder hides the post, locks the topic or dismisses a
report, always with a reason; the reporter is told; beheerders hear of each new report."""

import pytest
from bs4 import BeautifulSoup

from kennisplatform import access
from tests.themagroepen_discussies.conftest import _member, client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import Outcome, Reply, Report, Topic
from themagroepen.models import Membership, Role
from themagroepen.notificaties.models import Frequency, Notification
from themagroepen.notificaties.services import set_frequency, visible_notifications

pytestmark = pytest.mark.django_db


@pytest.fixture
def reclame(topic, lid2):
    return services.create_reply(topic, lid2, "Koop nu bij Leegstandshop BV, 50% korting!")


@pytest.fixture
def report(groep, lid, reclame):
    client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/reacties/{reclame.pk}/melden/", {"reason": "Dit is reclame."}
    )
    return Report.objects.get()


def decide(user, report, outcome, reason):
    return client_for(user).post(
        f"/themagroepen/{report.topic.themagroep.slug}/discussies/meldingen/{report.pk}/afhandelen/",
        {f"melding-{report.pk}-outcome": outcome, f"melding-{report.pk}-reason": reason},
    )


def topic_page(user, topic):
    return BeautifulSoup(client_for(user).get(topic.get_absolute_url()).content, "html.parser")


def outcome_notification(user):
    return visible_notifications(user).get(kind="report_outcome")


def test_hiding_a_reported_reply_removes_it_for_members_and_tells_the_reporter(
    groep, lid, beheerder, topic, reclame, report, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(beheerder, report, "verbergen", "Reclame hoort niet in de groep.")
    assert response.status_code == 302
    assert "Koop nu bij Leegstandshop" not in topic_page(lid, topic).get_text()
    assert "Koop nu bij Leegstandshop" in topic_page(beheerder, topic).get_text()  # hidden, not deleted
    report.refresh_from_db()
    assert (report.outcome, report.outcome_reason, report.resolved_by) == (
        Outcome.HIDE,
        "Reclame hoort niet in de groep.",
        beheerder,
    )
    assert report.resolved_at is not None

    told = outcome_notification(lid)
    assert told.title == (
        "Uw melding over “Tijdelijke verhuur van leegstaande kantoren” is afgehandeld: "
        "het bericht is verborgen. Reden: Reclame hoort niet in de groep."
    )
    assert told.url == topic.get_absolute_url()  # the topic, not the reply the reporter can no longer read
    [mail] = [m for m in mailoutbox if m.to == [lid.email]]
    assert told.title in mail.body


def test_hiding_a_post_answers_every_open_report_about_it(groep, lid, beheerder, topic, reclame, report):
    tweede = _member(groep, "tweede.melder@gemeente.example")
    client_for(tweede).post(f"/themagroepen/{groep.slug}/discussies/reacties/{reclame.pk}/melden/", {"reason": "Spam."})
    other_post = services.create_reply(topic, beheerder, "Een gewone reactie.")
    about_other = Report.objects.create(topic=topic, reply=other_post, reporter=lid, reason="Te kort.")
    assert decide(beheerder, report, "verbergen", "Reclame hoort niet in de groep.").status_code == 302
    second = Report.objects.get(reporter=tweede)
    assert (second.outcome, second.resolved_by) == (Outcome.HIDE, beheerder)
    assert "het bericht is verborgen" in outcome_notification(tweede).title
    about_other.refresh_from_db()
    assert about_other.resolved_at is None  # another post: still open


def test_hiding_a_reported_topic_tells_the_reporter_without_its_title(
    groep, lid, lid2, beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    topic = services.create_topic(groep, lid2, "Goedkope panden te koop bij ons", "Bel ons!")
    client_for(lid).post(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/melden/", {"reason": "Spam."})
    with django_capture_on_commit_callbacks(execute=True):
        decide(beheerder, Report.objects.get(), "verbergen", "Spam.")
    assert client_for(lid).get(topic.get_absolute_url()).status_code == 404
    assert Topic.objects.filter(pk=topic.pk, hidden=True).exists()
    told = outcome_notification(lid)
    assert "Goedkope panden" not in told.title
    assert told.title == (
        "Uw melding over een bericht in Leegstand en herbestemmen is afgehandeld: "
        "het bericht is verborgen. Reden: Spam."
    )
    assert told.url == f"/themagroepen/{groep.slug}/discussies/"
    assert all("Goedkope panden" not in m.subject + m.body for m in mailoutbox if m.to == [lid.email])


def test_locking_the_topic_stops_member_replies(groep, lid, lid2, beheerder, topic, report):
    decide(beheerder, report, "sluiten", "De discussie ontspoort.")
    reply_box = topic_page(lid2, topic).select_one("#reageren")
    assert reply_box.select_one("form") is None
    assert "gesloten voor nieuwe reacties" in reply_box.get_text()
    response = client_for(lid2).post(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/", {"body": "Toch"})
    assert response.status_code == 403
    assert "Koop nu bij Leegstandshop" in topic_page(lid2, topic).get_text()  # locked, the post stays
    assert outcome_notification(lid).title.endswith("het onderwerp is gesloten. Reden: De discussie ontspoort.")


def test_dismissing_changes_nothing_members_see(groep, lid, lid2, beheerder, topic, report):
    before = topic_page(lid2, topic).select_one("main").get_text()
    decide(beheerder, report, "afwijzen", "Een aanbieding van een lid mag hier.")
    assert topic_page(lid2, topic).select_one("main").get_text() == before
    assert not Topic.objects.get(pk=topic.pk).locked and not Reply.objects.filter(hidden=True).exists()
    assert Report.objects.get().outcome == Outcome.DISMISS
    assert outcome_notification(lid).title.endswith(
        "er is geen maatregel genomen. Reden: Een aanbieding van een lid mag hier."
    )


def test_the_full_reason_reaches_the_reporter_with_a_long_title(groep, lid, lid2, beheerder):
    topic = services.create_topic(groep, lid2, "Lang " * 39 + "einde", "Tekst")
    services.report(lid, topic, None, "Te lang.")
    reason = "r" * 150
    decide(beheerder, Report.objects.get(), "sluiten", reason)
    assert outcome_notification(lid).title.endswith(f"Reden: {reason}")


def test_beheerders_hear_of_each_new_report_after_commit_per_their_preference(
    groep, lid, lid2, beheerder, reclame, mailoutbox, django_capture_on_commit_callbacks
):
    digest = _member(groep, "tweede-beheerder@gemeente.example", Role.BEHEERDER, first_name="Piet")
    set_frequency(digest, Frequency.DIGEST)
    url = f"/themagroepen/{groep.slug}/discussies/reacties/{reclame.pk}/melden/"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_for(lid).post(url, {"reason": "Dit is reclame."})
    assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [mail] = mailoutbox
    assert mail.to == [beheerder.email]  # the digest beheerder waits for the digest
    assert "Nieuwe melding over “Tijdelijke verhuur van leegstaande kantoren”" in mail.subject
    assert f"/themagroepen/{groep.slug}/discussies/meldingen/" in mail.body
    assert {n.recipient for n in Notification.objects.filter(kind="report")} == {beheerder, digest}
    assert not visible_notifications(lid2).filter(kind="report").exists()  # members do not hear of it

    # A second report is a second notification.
    client_for(lid2).post(url, {"reason": "Nog steeds reclame."})
    assert Notification.objects.filter(kind="report", recipient=beheerder).count() == 2


def test_a_beheerder_who_loses_the_role_no_longer_sees_the_report_notification(groep, lid, beheerder, report):
    assert visible_notifications(beheerder).filter(kind="report").exists()
    Membership.objects.filter(user=beheerder).update(role=Role.LID)
    access.forget_held_keys(beheerder)
    assert not visible_notifications(beheerder).filter(kind="report").exists()


def test_members_who_are_not_beheerder_cannot_decide(groep, lid2, buitenstaander, reclame, report):
    assert decide(lid2, report, "verbergen", "Weg ermee").status_code == 403
    # Outside a besloten group: the project's members-only page, which names no report.
    outsider = decide(buitenstaander, report, "verbergen", "Weg ermee")
    assert outsider.status_code == 403 and "reclame" not in outsider.content.decode()
    assert client_for(lid2).get(f"/themagroepen/{groep.slug}/discussies/meldingen/").status_code == 403
    report.refresh_from_db()
    assert report.resolved_at is None and report.outcome == ""
    assert not Reply.objects.get(pk=reclame.pk).hidden


def test_deciding_needs_a_post(beheerder, report):
    response = client_for(beheerder).get(
        f"/themagroepen/{report.topic.themagroep.slug}/discussies/meldingen/{report.pk}/afhandelen/"
    )
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("outcome", "reason", "error"),
    [
        ("verwijderen", "Weg ermee", "Uitkomst: Kies een van de genoemde uitkomsten."),
        ("", "Weg ermee", "Uitkomst: Kies wat er met de melding gebeurt."),
        ("verbergen", "   ", "Reden: Geef een reden op; de melder krijgt die te zien."),
        ("verbergen", "x" * 151, "Reden: Houd de reden kort: maximaal 150 tekens (nu 151)."),
    ],
)
def test_a_bad_outcome_or_reason_gives_a_dutch_error_and_changes_nothing(
    lid, beheerder, reclame, report, outcome, reason, error
):
    response = decide(beheerder, report, outcome, reason)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".error-summary")
    assert summary.has_attr("autofocus")
    [link] = summary.select("a")
    assert link.get_text(strip=True) == error
    assert page.select_one(link["href"]) is not None  # the link leads to the field
    report.refresh_from_db()
    assert report.resolved_at is None and report.outcome == "" and not Reply.objects.get(pk=reclame.pk).hidden
    assert not Notification.objects.filter(kind="report_outcome").exists()


def test_a_report_is_decided_once(lid, beheerder, reclame, report):
    decide(beheerder, report, "afwijzen", "Geen reclame.")
    client = client_for(beheerder)
    response = client.post(
        f"/themagroepen/{report.topic.themagroep.slug}/discussies/meldingen/{report.pk}/afhandelen/",
        {f"melding-{report.pk}-outcome": "verbergen", f"melding-{report.pk}-reason": "Toch wel."},
    )
    assert response.status_code == 302
    page = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert "Deze melding is al afgehandeld." in page.select_one("main [data-messages]").get_text()
    report.refresh_from_db()
    assert report.outcome == Outcome.DISMISS and not Reply.objects.get(pk=reclame.pk).hidden
    assert Notification.objects.filter(kind="report_outcome").count() == 1


def test_the_queue_shows_open_and_handled_reports_apart_with_who_handled_them(
    groep, lid, lid2, beheerder, topic, reclame, report
):
    services.report(lid2, topic, None, "Verkeerde groep?")
    decide(beheerder, report, "verbergen", "Reclame.")
    page = BeautifulSoup(
        client_for(beheerder).get(f"/themagroepen/{groep.slug}/discussies/meldingen/").content, "html.parser"
    )
    open_items = page.select(".report-list > li")
    assert [item.select_one("h3").get_text(strip=True) for item in open_items] == [
        "Onderwerp “Tijdelijke verhuur van leegstaande kantoren”"
    ]
    assert open_items[0].select_one("form fieldset legend").get_text(strip=True) == "Uitkomst"
    table = page.select_one("table.report-table")
    assert table.caption.get_text(strip=True) == "Afgehandelde meldingen, meest recente eerst"
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    [row] = table.select("tbody tr")
    cells = dict(zip(headers, [cell.get_text(" ", strip=True) for cell in row.select("th, td")], strict=True))
    assert cells["Bericht"] == "Reactie in “Tijdelijke verhuur van leegstaande kantoren”"
    assert cells["Uitkomst"] == "Bericht verborgen"
    assert cells["Reden"] == "Reclame."
    assert cells["Afgehandeld door"] == "Mona de Beheerder"
    assert row.select_one("time")["datetime"]
