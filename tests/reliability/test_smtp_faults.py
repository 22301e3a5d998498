"""SMTP unreachable for half a second: every e-mail still goes out, once, without anyone acting.

Before: 13 e-mail tasks failed permanently and were never retried.
"""

import time

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from kennisplatform.outbox import message_id
from tests.conftest import make_verified_user
from tests.reliability.conftest import wait_until
from themagroepen.notificaties.models import EmailStatus, Notification
from themagroepen.notificaties.services import notify

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

EMAILS = 13


def test_smtp_gone_for_half_a_second_every_email_is_retried_and_sent_once(
    smtp_sink, fault_proxy, database_tasks, worker_env, workers
):
    smtp = fault_proxy(f"smtp://127.0.0.1:{smtp_sink.port}")
    recipients = [make_verified_user(f"lid{i}@gemeente.example") for i in range(EMAILS)]
    notifications = []
    for recipient in recipients:  # one task per e-mail, as separate replies would make
        with transaction.atomic():
            notifications += notify([recipient], kind="reply", title="Nieuw antwoord", url="/x/")

    smtp.cut()
    env = worker_env(
        EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp.port, EMAIL_USE_TLS="0", EMAIL_TIMEOUT="1", EMAIL_RETRY_SECONDS="1"
    )
    workers(env, "default")
    wait_until(lambda: DBTaskResult.objects.filter(args_kwargs__args__1=2).exists(), 60, 0.05, "a first failure")
    time.sleep(0.5)
    smtp.restore()
    restored = time.monotonic()

    wait_until(lambda: not Notification.objects.filter(email_status=EmailStatus.DIRECT).exists(), 60, 0.1, "all sent")
    converged = time.monotonic() - restored
    delivered = smtp_sink.message_ids()
    assert sorted(delivered) == sorted(message_id("melding", n.pk) for n in notifications)  # each exactly once
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0
    retries = DBTaskResult.objects.filter(args_kwargs__args__1__gte=2).count()
    print(f"\nsmtp cut: {EMAILS} e-mails, {retries} retry task(s), all delivered {converged:.1f} s after SMTP returned")
