"""A reply is told to followers by the worker: the request costs the same for 2 or 200 of them.

The tasks go into the database queue, as in production, and ``manage.py db_worker --batch``
runs them, as the worker service does.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.themagroepen_discussies.conftest import _member, client_for
from themagroepen.discussies.models import Reply, TopicFollow
from themagroepen.discussies.tasks import fan_out_reply
from themagroepen.notificaties.models import Notification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}


def _followers(groep, topic, count, start=0):
    members = [_member(groep, f"volger{n:03d}@gemeente.example") for n in range(start, start + count)]
    TopicFollow.objects.bulk_create([TopicFollow(user=member, topic=topic) for member in members])
    return members


def _reply(member, topic, body):
    return client_for(member).post(
        f"/themagroepen/{topic.themagroep.slug}/discussies/{topic.pk}/reageren/", {"body": body}
    )


def _run_worker():
    call_command("db_worker", "--batch", "--queue-name", "default", verbosity=0)


def test_the_request_stores_the_reply_and_the_worker_tells_each_follower_once(groep, lid, lid2, topic):
    followers = _followers(groep, topic, 3)
    response = _reply(lid2, topic, "Wij verhuren tijdelijk via een leegstandsbeheerder.")
    assert response.status_code == 302
    assert Reply.objects.filter(topic=topic).count() == 1
    assert Notification.objects.count() == 0  # nobody waited for the fan-out
    assert DBTaskResult.objects.filter(task_path__endswith="fan_out_reply", status="READY").count() == 1

    _run_worker()  # the fan-out, and the e-mails it enqueues
    _run_worker()
    told = set(Notification.objects.filter(kind="reply").values_list("recipient__email", flat=True))
    assert told == {lid.email, *(f.email for f in followers)}  # the topic's author and the followers
    assert sorted(message.to[0] for message in mail.outbox) == sorted(told)

    reply = Reply.objects.get(topic=topic)
    assert fan_out_reply.func(reply.pk, []) == 0  # run again (a worker died after committing): nothing more
    assert Notification.objects.count() == len(told)


def test_a_mentioned_follower_gets_one_notification_and_a_hidden_reply_tells_nobody(groep, lid, lid2, topic):
    from accounts.services import get_profile

    profile = get_profile(lid)
    profile.handle = "anne"
    profile.save()
    _reply(lid2, topic, "Zie ook @anne hierover.")
    _run_worker()
    assert list(Notification.objects.values_list("recipient__email", "kind")) == [(lid.email, "mention")]

    _reply(lid2, topic, "Nog een bijdrage die een beheerder verbergt.")
    hidden = Reply.objects.filter(topic=topic).latest("pk")
    Reply.objects.filter(pk=hidden.pk).update(hidden=True)  # by a beheerder, before the worker ran
    _run_worker()
    assert Notification.objects.count() == 1


def test_the_reply_request_does_the_same_work_for_2_and_for_200_followers(groep, lid, lid2, topic):
    _followers(groep, topic, 2)
    _reply(lid2, topic, "Opwarmen: sjablonen en caches.")

    def queries_for_one_reply(body):
        with CaptureQueriesContext(connection) as captured:
            assert _reply(lid2, topic, body).status_code == 302
        return len(captured)

    with_two = queries_for_one_reply("Een reactie voor twee volgers.")
    _followers(groep, topic, 198, start=2)
    with_two_hundred = queries_for_one_reply("Een reactie voor tweehonderd volgers.")
    assert with_two_hundred == with_two
    _run_worker()
    assert Notification.objects.filter(subject_id=Reply.objects.latest("pk").pk).count() == 201
