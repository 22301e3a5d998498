"""Posting a reply costs the same number of queries for 2 followers as for 30, and tells only
those who may still read the topic."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_verified_user
from tests.themagroepen_discussies.conftest import _member
from themagroepen.discussies import services
from themagroepen.discussies.models import TopicFollow
from themagroepen.models import Membership
from themagroepen.notificaties.models import Notification
from themagroepen.notificaties.services import set_frequency

pytestmark = pytest.mark.django_db


def followers(groep, topic, count, prefix):
    people = [_member(groep, f"{prefix}{n:02d}@gemeente.example") for n in range(count)]
    for person in people:
        set_frequency(person, "never")  # e-mail is the worker's job; this is the request path
        TopicFollow.objects.create(topic=topic, user=person)
    return people


def queries_for_one_reply(topic, author, capture_callbacks) -> int:
    with CaptureQueriesContext(connection) as queries, capture_callbacks(execute=True):
        services.create_reply(topic, author, "Bij ons werkte een leegstandsverordening goed.")
    return len(queries)


def test_reply_queries_do_not_grow_with_the_number_of_followers(groep, lid, topic, django_capture_on_commit_callbacks):
    author = _member(groep, "schrijver@gemeente.example")
    set_frequency(lid, "never")
    queries_for_one_reply(topic, author, django_capture_on_commit_callbacks)  # first reply also makes the follow row
    followers(groep, topic, 2, "weinig")
    few = queries_for_one_reply(topic, author, django_capture_on_commit_callbacks)
    followers(groep, topic, 28, "veel")
    many = queries_for_one_reply(topic, author, django_capture_on_commit_callbacks)

    assert many == few, f"{few} queries with 3 followers, {many} with 31"
    assert Notification.objects.filter(kind="reply").count() == 1 + 3 + 31


def test_followers_who_left_the_group_or_lost_verification_hear_nothing(
    groep, lid, topic, django_capture_on_commit_callbacks
):
    stays, leaves, unverified = followers(groep, topic, 3, "volger")
    Membership.objects.filter(user=leaves).delete()
    unverified.emailaddress_set.update(verified=False)
    outsider = make_verified_user("buiten@gemeente.example")
    TopicFollow.objects.create(topic=topic, user=outsider)  # a stale follow row from before
    author = _member(groep, "schrijver@gemeente.example")

    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(topic, author, "Nieuwe reactie")

    told = set(Notification.objects.filter(kind="reply").values_list("recipient__email", flat=True))
    assert told == {stays.email, lid.email}
