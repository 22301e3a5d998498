"""Worker killed (SIGKILL) in the middle of a batch: every e-mail and index job happens once.

The issue's row: killed after 15 of 61 notification e-mails, 45 were never sent, one was marked
sent but never delivered, and the task stayed RUNNING forever. Here the real ``db_worker``
runs as a subprocess on the test database, one per queue as in compose, and is killed at
several points; a new worker takes over the dead one's task when its lease runs out.

"Once" is counted by Message-ID, as a mailbox does: a kill that lands between the SMTP
server's "250" and the worker's commit can repeat that one message with the same Message-ID
(no SMTP client can close that window); the test reports how often that happened.
"""

import random
import time

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from kennisplatform.outbox import message_id
from search import index as search_index
from search.backend import get_client
from search.models import IndexQueue
from tests.conftest import make_verified_user
from tests.reliability.conftest import wait_until
from themagroepen.discussies.models import Topic
from themagroepen.models import Themagroep, Visibility
from themagroepen.notificaties.models import EmailStatus, Notification
from themagroepen.notificaties.services import notify

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

EMAILS = 61
TOPICS = 40
EMAIL_KILLS = (5, 15, 40)  # messages delivered when the e-mail worker is killed
INDEX_KILLS = (30, 12)  # index rows still waiting when the index worker is killed


def _unfinished_tasks() -> int:
    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()


@pytest.mark.elasticsearch
def test_sigkill_mid_batch_every_email_and_index_job_happens_once(
    smtp_sink, es_prefix, database_tasks, worker_env, workers
):
    smtp_sink.delay = 0.04
    search_index.ensure_index()
    groep = Themagroep.objects.create(name="Leegstand", slug="leegstand", visibility=Visibility.BESLOTEN)
    recipients = [make_verified_user(f"lid{i}@gemeente.example") for i in range(EMAILS)]
    with transaction.atomic():
        notifications = notify(recipients, kind="reply", title="Nieuw antwoord", url="/x/")
        topics = [
            Topic.objects.create(
                themagroep=groep, title=f"Transformatie {i}", slug=f"t{i}", body="tekst", html="<p>t</p>"
            )
            for i in range(TOPICS)
        ]
    assert DBTaskResult.objects.filter(queue_name="default").count() == 1  # one batch of 61
    assert IndexQueue.objects.count() >= TOPICS

    env = worker_env(EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp_sink.port, EMAIL_USE_TLS="0", EMAIL_TIMEOUT="2")
    started = time.monotonic()
    email_worker = workers(env, "default")
    index_worker = workers(env, "zoekindex")
    index_thresholds = list(INDEX_KILLS)
    for threshold in EMAIL_KILLS:
        wait_until(lambda t=threshold: smtp_sink.count() >= t, 60, 0.005, f"{threshold} e-mails")
        time.sleep(random.uniform(0, 0.04))  # anywhere in the send/commit cycle
        email_worker.kill()
        if index_thresholds and IndexQueue.objects.count() <= index_thresholds[0]:
            index_thresholds.pop(0)
            index_worker.kill()
            index_worker = workers(env, "zoekindex")
        email_worker = workers(env, "default")

    wait_until(
        lambda: (
            not Notification.objects.filter(email_status=EmailStatus.DIRECT).exists()
            and not IndexQueue.objects.exists()
            and not _unfinished_tasks()
        ),
        120,
        0.2,
        "all e-mail sent and the index queue drained",
    )
    converged = time.monotonic() - started

    delivered = smtp_sink.message_ids()
    assert set(delivered) == {message_id("melding", n.pk) for n in notifications}  # none lost
    repeated = len(delivered) - len(set(delivered))
    assert repeated <= len(EMAIL_KILLS)  # at most the one in flight per kill, same Message-ID
    assert Notification.objects.filter(email_status=EmailStatus.SENT).count() == EMAILS

    client = get_client()
    client.indices.refresh(index=search_index.alias_name())
    for topic in topics:
        hits = client.search(
            index=search_index.alias_name(), query={"term": {"object_key": f"discussies.topic:{topic.pk}"}}
        )["hits"]["total"]["value"]
        assert hits == 1, topic
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0
    print(
        f"\nworker-kill: {EMAILS} e-mails, {TOPICS} index jobs, {len(EMAIL_KILLS)} kills of the e-mail worker, "
        f"{len(INDEX_KILLS) - len(index_thresholds)} of the index worker; converged in {converged:.1f} s; "
        f"{len(delivered)} SMTP deliveries, {repeated} repeated Message-ID(s)"
    )


def test_sigterm_lets_the_running_batch_stop_cleanly_and_hands_back_the_rest(
    smtp_sink, database_tasks, worker_env, workers
):
    smtp_sink.delay = 0.05
    recipients = [make_verified_user(f"lid{i}@gemeente.example") for i in range(40)]
    with transaction.atomic():
        notifications = notify(recipients, kind="reply", title="Nieuw antwoord", url="/x/")
    env = worker_env(EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp_sink.port, EMAIL_USE_TLS="0", EMAIL_TIMEOUT="2")
    worker = workers(env, "default")
    wait_until(lambda: smtp_sink.count() >= 10, 60, 0.01, "ten e-mails")
    signalled = time.monotonic()
    assert worker.terminate(timeout=30) == 0  # finished the e-mail in hand, then exited cleanly
    stopped_s = time.monotonic() - signalled
    sent_before = smtp_sink.count()
    assert sent_before < 40  # it did not keep sending the whole batch
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 0
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # the rest, handed back

    workers(env, "default")
    wait_until(lambda: not Notification.objects.filter(email_status=EmailStatus.DIRECT).exists(), 60, 0.1, "rest")
    assert sorted(smtp_sink.message_ids()) == sorted(message_id("melding", n.pk) for n in notifications)
    print(
        f"\nsigterm: worker stopped {stopped_s:.2f} s after the signal with {sent_before}/40 sent; rest sent once later"
    )
