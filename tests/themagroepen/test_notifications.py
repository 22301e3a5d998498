"""In-app notifications, e-mail per preference, the digest and one-click unsubscribe."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_verified_user
from themagroepen import services as membership
from themagroepen.notificaties import emails
from themagroepen.notificaties.models import EmailStatus, Frequency, Notification
from themagroepen.notificaties.services import notify, set_frequency, unread_count
from themagroepen.notificaties.tasks import send_notification_emails

pytestmark = pytest.mark.django_db


def _notify(recipients, groep, actor=None):
    return notify(
        recipients,
        kind="reply",
        title="Nieuwe reactie op ‘Leegstandverordening’",
        url="/themagroepen/x/",
        themagroep=groep,
        actor=actor,
    )


def test_notify_creates_one_in_app_notification_per_recipient_except_the_actor(groep, moderator, lid):
    created = _notify([lid, lid, moderator], groep, actor=moderator)
    assert [n.recipient for n in created] == [lid]
    assert unread_count(lid) == 1 and unread_count(moderator) == 0


def test_direct_email_goes_out_after_commit_only(groep, lid, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify([lid], groep)
    assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [[lid.email]]
    message = mailoutbox[0]
    assert "Leegstandverordening" in message.subject
    assert "http://localhost:8000/themagroepen/x/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://localhost:8000/meldingen/afmelden/")
    assert Notification.objects.get().email_status == EmailStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_rolled_back_action_notifies_nobody(groep, lid):
    mail.outbox = []
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify([lid], groep)
        raise RuntimeError("the action failed")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_email_is_never_sent_twice(groep, lid, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [notification] = _notify([lid], groep)
    send_notification_emails.enqueue([notification.pk])  # duplicate enqueue / retry
    send_notification_emails.call([notification.pk])
    assert len(mailoutbox) == 1


def test_never_preference_sends_no_email_but_keeps_in_app(groep, lid, mailoutbox, django_capture_on_commit_callbacks):
    set_frequency(lid, Frequency.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([lid], groep)
    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))
    assert mailoutbox == []
    assert unread_count(lid) == 1


def test_digest_collects_the_day_in_one_email_once(
    groep, lid, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    set_frequency(lid, Frequency.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([lid], groep)
        notify([lid], kind="mention", title="U bent genoemd in ‘Kantoren’", url="/themagroepen/y/", themagroep=groep)
        notify([lid], kind="reply", title="Al gelezen melding", url="/themagroepen/z/", themagroep=groep)
    assert mailoutbox == []  # nothing immediately
    Notification.objects.filter(title="Al gelezen melding").update(read_at="2026-01-01T00:00:00Z")

    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))
    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))  # a second run sends nothing
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "Leegstandverordening" in body and "U bent genoemd in ‘Kantoren’" in body
    assert "Al gelezen melding" not in body
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_digest_leaves_out_groups_the_person_left(
    groep, moderator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    set_frequency(lid, Frequency.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([lid], groep)
    membership.leave(groep, lid)
    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))
    assert mailoutbox == []


def test_unsubscribe_link_confirms_on_get_and_unsubscribes_on_post(client, groep, lid):
    url = emails.unsubscribe_url(lid).removeprefix("http://localhost:8000")
    response = client.get(url)
    assert response.status_code == 200 and "Ja, afmelden" in response.content.decode()
    # A GET (mail scanners follow links) changes nothing.
    assert not Notification.objects.exists()
    from themagroepen.notificaties.services import email_frequencies

    assert email_frequencies([lid])[lid.pk] == Frequency.DIRECT
    # One-click POST as a mail client sends it: no session, no CSRF token.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert email_frequencies([lid])[lid.pk] == Frequency.NEVER


def test_tampered_unsubscribe_token_is_404(client, lid):
    token = emails.unsubscribe_token(lid)
    assert client.post(reverse("notificaties:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404


def test_preferences_page_saves_choice(client, lid):
    client.force_login(lid)
    client.post(reverse("notificaties:preferences"), {"frequency": "digest"})
    from themagroepen.notificaties.services import email_frequencies

    assert email_frequencies([lid])[lid.pk] == Frequency.DIGEST


def test_notifications_page_lists_marks_read_and_follows_links(client, groep, lid):
    _notify([lid], groep)
    notify([lid], kind="invitation", title="U bent uitgenodigd", url="/themagroepen/uitnodigingen/")
    client.force_login(lid)
    page = client.get(reverse("notificaties:list")).content.decode()
    assert "Leegstandverordening" in page and "U hebt <strong>2</strong> ongelezen meldingen" in page

    invitation = Notification.objects.get(kind="invitation")
    response = client.get(reverse("notificaties:open", args=[invitation.pk]))
    assert response.status_code == 302 and response.url == "/themagroepen/uitnodigingen/"
    assert unread_count(lid) == 1

    client.post(reverse("notificaties:mark_all_read"))
    assert unread_count(lid) == 0


def test_others_cannot_open_or_mark_your_notifications(client, groep, lid, moderator):
    [notification] = _notify([lid], groep)
    client.force_login(moderator)
    assert client.get(reverse("notificaties:open", args=[notification.pk])).status_code == 404
    assert client.post(reverse("notificaties:mark_read", args=[notification.pk])).status_code == 404
    assert unread_count(lid) == 1


def test_group_notifications_disappear_after_leaving(groep, moderator, lid):
    _notify([lid], groep)
    assert unread_count(lid) == 1
    membership.leave(groep, lid)
    assert unread_count(lid) == 0


def test_counts_for_many_people_match_each_persons_own_count(groep, moderator, lid, django_assert_max_num_queries):
    """The batch behind live counters applies the same rule: groups left no longer count."""
    from django.contrib.auth import get_user_model

    from themagroepen.models import Membership, Themagroep
    from themagroepen.notificaties.services import unread_counts

    other = Themagroep.objects.create(name="Winkelgebieden", slug="winkelgebieden", description="Binnensteden.")
    Membership.objects.create(themagroep=other, user=lid)
    _notify([lid, moderator], groep)
    _notify([lid], other)
    notify([lid, moderator], kind="invitation", title="U bent uitgenodigd", url="/themagroepen/uitnodigingen/")
    membership.leave(other, lid)
    Notification.objects.filter(recipient=moderator, kind="invitation").update(read_at=timezone.now())

    people = list(get_user_model().objects.filter(pk__in=[lid.pk, moderator.pk]))
    with django_assert_max_num_queries(3):
        counts = unread_counts(people)
    assert counts == {lid.pk: 2, moderator.pk: 1}
    assert counts == {person.pk: unread_count(person) for person in (lid, moderator)}


def test_header_counter_include_shows_unread_count(client, groep, lid):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    _notify([lid], groep)
    request = RequestFactory().get("/")
    request.user = lid
    html = render_to_string("notificaties/_counter.html", {"user": lid, "request": request})
    assert "data-unread-count>1</span>" in html and "/meldingen/" in html and "notificaties.js" in html


def test_accepted_membership_is_emailed_per_preference(
    groep, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = make_verified_user("aanvrager@gemeente-delft.example")
    set_frequency(applicant, Frequency.DIGEST)
    join_request = membership.request_to_join(groep, applicant, "Graag")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership.decide_request(join_request, by=moderator, accept=True)
    assert mailoutbox == []  # waits for the digest
    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "toegelaten" in mailoutbox[0].body


def _reply_notification(groep, author, recipient):
    """A real reply notification: ``recipient`` follows a topic ``author`` replies to."""
    from themagroepen.discussies import services as discussies

    topic = discussies.create_topic(groep, recipient, "Geheime panden in Zeist", "Tekst", announce=False)
    reply = discussies.create_reply(topic, author, "Een reactie")
    return topic, reply


def test_a_queued_mail_to_someone_removed_meanwhile_is_not_sent(
    groep, moderator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _reply_notification(groep, moderator, lid)
    membership.remove_member(groep.memberships.get(user=lid), by=moderator)
    for callback in callbacks:
        callback()  # the queued e-mail task runs only now
    assert mailoutbox == []
    assert Notification.objects.get(recipient=lid).email_status == EmailStatus.NONE


def test_notifications_about_a_topic_hidden_later_disappear_from_list_count_and_digest(
    client, groep, moderator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    from themagroepen.discussies import services as discussies

    set_frequency(lid, Frequency.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        topic, _reply = _reply_notification(groep, moderator, lid)
    client.force_login(lid)
    assert unread_count(lid) == 1
    assert "Geheime panden" in client.get("/meldingen/").content.decode()
    # The author of a topic is not its beheerder: once it is hidden, its title is gone for them.
    discussies.set_flag(topic, "hidden", True)
    assert unread_count(lid) == 0
    assert "Geheime panden" not in client.get("/meldingen/").content.decode()
    call_command("stuur_samenvattingen", stdout=open("/dev/null", "w"))
    assert mailoutbox == []


def test_nobody_is_notified_about_a_subject_they_cannot_read(groep, moderator, lid, buitenstaander):
    from themagroepen.discussies import services as discussies

    topic = discussies.create_topic(groep, moderator, "Alleen voor leden", "Tekst", announce=False)
    created = notify([lid, buitenstaander], kind="reply", title=topic.title, url="/x/", themagroep=groep, subject=topic)
    assert [n.recipient for n in created] == [lid]
    discussies.set_flag(topic, "hidden", True)
    assert notify([lid], kind="reply", title=topic.title, url="/x/", themagroep=groep, subject=topic) == []


def test_unsubscribe_pages_do_not_name_the_account(lid):
    from django.test import Client

    url = emails.unsubscribe_url(lid).removeprefix("http://localhost:8000")
    assert lid.email not in Client().get(url).content.decode()
    assert lid.email not in Client().post(url).content.decode()


def test_an_expired_unsubscribe_link_says_so_in_dutch_and_changes_nothing(lid):
    from datetime import timedelta
    from unittest import mock

    from django.test import Client

    from themagroepen.notificaties.services import email_frequencies

    url = emails.unsubscribe_url(lid).removeprefix("http://localhost:8000")
    later = timezone.now() + emails.UNSUBSCRIBE_MAX_AGE + timedelta(days=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = Client().post(url)
    assert response.status_code == 410
    assert "Deze afmeldlink is verlopen" in response.content.decode()
    assert email_frequencies([lid])[lid.pk] == Frequency.DIRECT
