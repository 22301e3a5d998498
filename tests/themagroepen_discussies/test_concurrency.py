"""20 members post 25 replies each at the same moment to one topic: 500 replies, no errors."""

import threading

import pytest
from django.db import connection

from tests.themagroepen_discussies.conftest import _member
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Topic, TopicFollow
from themagroepen.notificaties.services import set_frequency

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

MEMBERS, REPLIES_EACH = 20, 25


def test_twenty_members_reply_at_once_and_every_reply_counts(groep, lid, topic):
    members = [_member(groep, f"lid{n:02d}@gemeente.example") for n in range(MEMBERS)]
    for member in members:
        set_frequency(member, "never")  # in-app notifications only: this test is about the database
    start = threading.Barrier(MEMBERS)
    errors = []

    def post_replies(member):
        try:
            start.wait()
            for n in range(REPLIES_EACH):
                services.create_reply(Topic.objects.get(pk=topic.pk), member, f"Reactie {n} van {member.email}")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(repr(error))
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=post_replies, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []
    assert Reply.objects.filter(topic=topic).count() == MEMBERS * REPLIES_EACH
    topic.refresh_from_db()
    assert topic.last_activity == Reply.objects.filter(topic=topic).latest("created").created
    assert TopicFollow.objects.filter(topic=topic).count() == MEMBERS + 1
