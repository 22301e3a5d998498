"""A committed write never answers 500: failing after-commit work is logged, retried, swept up.

Before: during a PostgreSQL restart the after-commit notification hook failed after the reply
was committed, so the member saw an error page and posted twice.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from kennisplatform import aftercommit
from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.models import Reply
from themagroepen.notificaties import services, tasks
from themagroepen.notificaties.models import EmailStatus, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    monkeypatch.setattr(aftercommit, "RETRY_DELAYS", (0, 0, 0))


def _failing(times: int):
    calls = {"n": 0}
    real = services._enqueue_emails

    def enqueue(ids):
        calls["n"] += 1
        if calls["n"] <= times:
            raise OperationalError("server closed the connection unexpectedly")
        return real(ids)

    return enqueue, calls


def _reply(member, topic, body, capture):
    with capture(execute=True):
        return client_for(member).post(
            f"/themagroepen/{topic.themagroep.slug}/discussies/{topic.pk}/reageren/", {"body": body}
        )


def test_reply_is_saved_once_and_answered_as_saved_when_every_after_commit_try_fails(
    lid,
    lid2,
    topic,
    monkeypatch,
    django_capture_on_commit_callbacks,
    caplog,
):
    enqueue, calls = _failing(times=99)
    monkeypatch.setattr(services, "_enqueue_emails", enqueue)
    response = _reply(
        lid2, topic, "Wij hebben goede ervaringen met tijdelijke verhuur.", django_capture_on_commit_callbacks
    )
    assert response.status_code == 302  # the member sees the reply as posted, not an error
    assert Reply.objects.filter(topic=topic).count() == 1
    assert calls["n"] == len(aftercommit.RETRY_DELAYS) + 1  # tried, retried, then given up
    assert "definitief mislukt" in caplog.text
    notification = Notification.objects.get(recipient=lid)
    assert notification.email_status == EmailStatus.DIRECT and not mail.outbox

    monkeypatch.undo()  # the task table is back; the clock's sweep sends what was left behind
    assert tasks.sweep_unsent(now=timezone.now() + timedelta(minutes=6)) == 1
    assert [message.to for message in mail.outbox] == [[lid.email]]
    assert tasks.sweep_unsent(now=timezone.now() + timedelta(minutes=12)) == 0  # and only once


def test_a_passing_hiccup_is_retried_at_once(lid, lid2, topic, monkeypatch, django_capture_on_commit_callbacks):
    enqueue, calls = _failing(times=1)
    monkeypatch.setattr(services, "_enqueue_emails", enqueue)
    response = _reply(lid2, topic, "Een tweede bijdrage over leegstand.", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert calls["n"] == 2
    assert [message.to for message in mail.outbox] == [[lid.email]]
    assert Notification.objects.get(recipient=lid).email_status == EmailStatus.SENT
