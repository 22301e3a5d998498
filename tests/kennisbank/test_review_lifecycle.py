"""Content lifecycle (issue 16.5): readers see when a page was last checked; editors mark pages
as checked (history shows who), see what is overdue on their dashboard and get one e-mail a week."""

import datetime
import re
import threading

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import GroupPagePermission, PageLogEntry

from kennisbank import review
from kennisbank.models import HoofdstukPage, InstrumentPage, ReviewMail, VoorbeeldPage
from kennisbank.review_mail import send_weekly_review_mails
from kennisplatform import klok
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2024, 5, 6)


def overdue(page, last_reviewed=LONG_AGO, interval=12):
    """Put a page's last check in the past, as if it had been checked then."""
    due = review.add_months(last_reviewed, interval)
    type(page).objects.filter(pk=page.pk).update(last_reviewed=last_reviewed, review_interval=interval, review_due=due)
    page.refresh_from_db()
    return page


def redacteur(email="redacteur@vng.example", group="Redacteuren"):
    user = make_verified_user(email, first_name="Rita", last_name="Redacteur")
    user.groups.add(Group.objects.get(name=group))
    return user


def editor_of(page, email):
    """An editor whose group may edit only ``page`` and what lies below it."""
    group = Group.objects.create(name=f"Redactie {page.slug}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename=codename))
    user = make_verified_user(email)
    user.groups.add(group)
    return user


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


# --- readers --------------------------------------------------------------------------------


def test_readers_see_the_date_of_the_last_check_on_chapters_instruments_and_voorbeelden(client, kb):
    pages = [kb.chapters[0], kb.loods, kb.utrecht]
    for page in pages:
        overdue(page, datetime.date(2026, 11, 3))

    for page in pages:
        html = soup(client.get(page.url))
        line = html.select_one(".kb-reviewed")
        assert line.get_text() == "Laatst gecontroleerd op 3 november 2026", page.url
        assert line.time["datetime"] == "2026-11-03"


def test_new_pages_and_migrated_pages_have_a_date_and_a_next_check(kb):
    chapter = HoofdstukPage.objects.get(pk=kb.chapters[0].pk)

    assert chapter.last_reviewed == review.today()
    assert chapter.review_interval == 12
    assert chapter.review_due == review.add_months(review.today(), 12)
    assert review.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


# --- marking as checked ---------------------------------------------------------------------


def test_an_editor_marks_a_page_as_checked_without_a_new_revision_and_the_history_shows_who(kb):
    editor = redacteur()
    page = overdue(kb.heerlen)
    revisions = page.revisions.count()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    confirm = soup(client.get(f"/cms/kennisbank/controle/{page.pk}/?next=/cms/"))
    form = confirm.select_one("main form[method=post]")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert client.post(form["action"], {"next": "/cms/"}).status_code == 403  # no CSRF token: refused
    response = client.post(form["action"], {"csrfmiddlewaretoken": token, "next": "/cms/"})

    assert response.status_code == 302 and response["Location"] == "/cms/"
    page = VoorbeeldPage.objects.get(pk=page.pk)
    assert page.last_reviewed == review.today()
    assert page.review_due == review.add_months(review.today(), 12)
    assert page.revisions.count() == revisions  # no new version of the content
    entry = PageLogEntry.objects.get(page=page, action=review.REVIEWED)
    assert entry.user == editor

    history = client.get(f"/cms/pages/{page.pk}/history/").content.decode()
    text = " ".join(BeautifulSoup(history, "html.parser").get_text(" ").split())
    assert "Gecontroleerd; volgende controle uiterlijk" in text
    assert "Rita Redacteur" in text


def test_publishing_an_older_draft_keeps_the_newer_check(kb):
    editor = redacteur()
    final_editor = redacteur("eindredacteur@vng.example", group="Eindredacteuren")
    page = overdue(kb.loods)
    revision = page.save_revision(user=editor)  # a draft saved before the check
    review.mark_reviewed(InstrumentPage.objects.get(pk=page.pk), editor)

    revision.publish(user=final_editor)

    assert InstrumentPage.objects.get(pk=page.pk).last_reviewed == review.today()


def test_the_edit_page_offers_the_action_to_editors(client, kb):
    client.force_login(redacteur())

    html = client.get(f"/cms/pages/{kb.loods.pk}/edit/").content.decode()

    assert f"/cms/kennisbank/controle/{kb.loods.pk}/" in html
    assert "Markeren als gecontroleerd" in html
    tab = BeautifulSoup(html, "html.parser").find(id="tab-label-controle")
    assert tab.get_text(" ", strip=True).startswith("Controle")  # the tab with the two fields
    assert 'name="last_reviewed"' in html and 'name="review_interval"' in html
    listing = client.get(f"/cms/pages/{kb.instruments_index.pk}/").content.decode()
    assert f"/cms/kennisbank/controle/{kb.loods.pk}/?next=" in listing


def test_someone_who_may_not_edit_the_page_cannot_mark_it(client, kb):
    page = overdue(kb.chapters[0])
    outsider = editor_of(kb.voorbeelden_index, "andere-redactie@vng.example")
    client.force_login(outsider)

    # Wagtail answers a refusal in its admin with a redirect to the dashboard and a message.
    for response in (
        client.get(f"/cms/kennisbank/controle/{page.pk}/"),
        client.post(f"/cms/kennisbank/controle/{page.pk}/"),
    ):
        assert (response.status_code, response["Location"]) == (302, "/cms/")
    assert "u hebt geen toegang tot dit gedeelte" in soup(client.get("/cms/")).get_text()
    assert HoofdstukPage.objects.get(pk=page.pk).last_reviewed == LONG_AGO
    assert not PageLogEntry.objects.filter(page=page, action=review.REVIEWED).exists()
    # A page type without a review date (the handreiking itself) cannot be marked either.
    client.force_login(redacteur())
    assert client.post(f"/cms/kennisbank/controle/{kb.handreiking.pk}/").status_code == 302
    assert not PageLogEntry.objects.filter(action=review.REVIEWED).exists()


def test_a_date_moved_forward_in_the_editor_counts_as_a_check(client, kb):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    editor = redacteur()
    page = overdue(kb.loods)
    client.force_login(editor)
    form = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "summary": page.summary,
        "what_it_does": rich_text("<p>Eén loket voor eigenaren.</p>"),
        "when_to_use": rich_text(""),
        "comments": inline_formset([]),
        "last_reviewed": "2026-06-01",
        "review_interval": "12",
    }

    response = client.post(f"/cms/pages/{page.pk}/edit/", nested_form_data(form))  # a draft, not published

    assert response.status_code == 302, response.content.decode()[:2000]
    live = InstrumentPage.objects.get(pk=page.pk)
    assert (live.last_reviewed, live.review_due) == (datetime.date(2026, 6, 1), datetime.date(2027, 6, 1))
    assert PageLogEntry.objects.get(page=page, action=review.REVIEWED).user == editor
    # Saving again without touching the date is no new check.
    client.post(f"/cms/pages/{page.pk}/edit/", nested_form_data(form))
    assert PageLogEntry.objects.filter(page=page, action=review.REVIEWED).count() == 1


def test_a_check_in_the_future_is_refused_with_a_dutch_message(kb):
    from django.core.exceptions import ValidationError

    page = InstrumentPage.objects.get(pk=kb.loods.pk)
    page.last_reviewed = review.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="kan niet in de toekomst liggen"):
        page.full_clean()


# --- dashboard ------------------------------------------------------------------------------


def test_the_dashboard_lists_only_overdue_pages_the_editor_may_edit_oldest_first(client, kb):
    overdue(kb.chapters[0], datetime.date(2025, 3, 1))
    overdue(kb.utrecht, datetime.date(2025, 1, 15))
    overdue(kb.heerlen, datetime.date(2024, 2, 1))
    overdue(kb.concept, datetime.date(2023, 1, 1))  # not live: readers do not see it
    overdue(kb.leeuwarden, review.today() - datetime.timedelta(days=30))  # checked recently

    client.force_login(editor_of(kb.voorbeelden_index, "voorbeelden-redactie@vng.example"))
    panel = soup(client.get("/cms/")).find(id="te-controleren-section")
    assert [a.get_text() for a in panel.select("td.title a")] == ["Winkel in Heerlen", "Kantoor in Utrecht"]
    assert panel.select_one("td.title a")["href"] == f"/cms/pages/{kb.heerlen.pk}/edit/"
    assert panel.select("form[method=post] input[name=csrfmiddlewaretoken]")

    client.force_login(redacteur())
    panel = soup(client.get("/cms/")).find(id="te-controleren-section")
    assert [a.get_text() for a in panel.select("td.title a")] == [
        "Winkel in Heerlen",
        "Kantoor in Utrecht",
        "Waarom aanpakken",
    ]


def test_the_dashboard_says_so_when_nothing_is_overdue(client, kb):
    client.force_login(redacteur())

    panel = soup(client.get("/cms/")).find(id="te-controleren-section")

    assert "Er zijn geen pagina's die u mag bewerken toe aan een controle." in panel.get_text()


# --- weekly e-mail --------------------------------------------------------------------------


def test_each_editor_gets_one_mail_a_week_with_the_pages_they_may_edit(kb, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    redacteur("redacteur@vng.example")
    redacteur("eindredacteur@vng.example", group="Eindredacteuren")
    voorbeelden_editor = editor_of(kb.voorbeelden_index, "voorbeelden-redactie@vng.example")
    make_verified_user("lid@gemeente.example")  # no edit rights: no mail
    overdue(kb.chapters[0])
    overdue(kb.heerlen)
    monday = datetime.date(2026, 11, 30)

    assert send_weekly_review_mails(monday) == "3 controlemail(s) verstuurd"
    assert send_weekly_review_mails(monday + datetime.timedelta(days=2)) == "0 controlemail(s) verstuurd"

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == [
        "eindredacteur@vng.example",
        "redacteur@vng.example",
        "voorbeelden-redactie@vng.example",
    ]
    full = by_address["redacteur@vng.example"]
    assert full.subject.endswith("2 pagina’s te controleren")
    assert "Waarom aanpakken" in full.body and "Winkel in Heerlen" in full.body
    assert f"/cms/pages/{kb.heerlen.pk}/edit/" in full.body
    html, mimetype = full.alternatives[0]
    assert mimetype == "text/html" and "<a href=" in html and "Winkel in Heerlen" in html
    limited = by_address[voorbeelden_editor.email]
    assert limited.subject.endswith("1 pagina te controleren") and "Waarom aanpakken" not in limited.body

    # The next ISO week: again once.
    assert send_weekly_review_mails(monday + datetime.timedelta(days=7)) == "3 controlemail(s) verstuurd"
    assert len(mail.outbox) == 6


def test_no_mail_when_nothing_is_overdue(kb, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    redacteur()

    assert send_weekly_review_mails() == "0 controlemail(s) verstuurd"
    assert mail.outbox == [] and not ReviewMail.objects.exists()


def test_a_failing_send_never_raises_into_the_clock_and_is_made_up_next_run(kb, settings, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    redacteur()
    overdue(kb.utrecht)
    original = EmailMultiAlternatives.send

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP weg")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    record = klok.run_job(klok.JOBS_BY_NAME["paginacontrole"], force=True)
    assert record.status == "ok" and record.result == "0 controlemail(s) verstuurd, 1 mislukt"
    assert mail.outbox == []

    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    record = klok.run_job(klok.JOBS_BY_NAME["paginacontrole"], force=True)
    assert record.result == "1 controlemail(s) verstuurd" and len(mail.outbox) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_clock_runs_at_the_same_moment_send_each_editor_one_mail(kb, settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for number in range(4):
        redacteur(f"redacteur{number}@vng.example")
    overdue(kb.utrecht)
    start = threading.Barrier(2)
    results = []

    def run():
        try:
            start.wait()
            results.append(send_weekly_review_mails())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(mail.outbox[i].to[0] for i in range(len(mail.outbox))) == [
        f"redacteur{number}@vng.example" for number in range(4)
    ]
    assert sum(int(re.match(r"\d+", result).group()) for result in results) == 4
    assert ReviewMail.objects.exclude(sent_at=None).count() == 4


def test_the_review_mails_are_in_the_avg_export_and_go_with_the_account(kb, settings):
    from accounts.privacy import delete_account, export_user_data

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor = redacteur()
    overdue(kb.utrecht)
    send_weekly_review_mails(datetime.date(2026, 11, 30))

    exported = export_user_data(editor)["kennisbank"]["controlemails"]
    assert [(row["week"], row["aantal_paginas"]) for row in exported] == [("2026-W49", 1)]
    delete_account(editor)
    assert not ReviewMail.objects.filter(user=editor).exists()
