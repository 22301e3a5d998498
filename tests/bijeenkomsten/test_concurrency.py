"""Twenty people sign up at the same moment for ten places: ten confirmed, ten waiting.

Each thread has its own database connection, so the lock on the occurrence row (PostgreSQL)
or the IMMEDIATE write transaction (SQLite) is what keeps the count honest.
"""

import threading

import pytest
from django.db import connection

from tests.bijeenkomsten.conftest import make_bijeenkomst, make_group, make_member, only_occurrence
from themagroepen.bijeenkomsten import services
from themagroepen.bijeenkomsten.models import Registration

PEOPLE = 20
PLACES = 10


def _register_all_at_once(occurrence, users):
    barrier = threading.Barrier(len(users))
    errors = []

    def sign_up(user):
        try:
            barrier.wait(timeout=30)
            services.register(user, occurrence)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _cancel_all_at_once(occurrence, users):
    barrier = threading.Barrier(len(users))

    def cancel(user):
        try:
            barrier.wait(timeout=30)
            services.cancel(user, occurrence)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def _check_no_overbooking():
    themagroep = make_group()
    occurrence = only_occurrence(make_bijeenkomst(themagroep, capacity=PLACES))
    users = [make_member(themagroep) for _ in range(PEOPLE)]

    errors = _register_all_at_once(occurrence, users)

    assert errors == []
    confirmed = Registration.objects.filter(occurrence=occurrence, status="aangemeld")
    waiting = Registration.objects.filter(occurrence=occurrence, status="wachtlijst")
    assert confirmed.count() == PLACES
    assert waiting.count() == PEOPLE - PLACES

    # Five confirmed people cancel at once: exactly the first five waiting move up, in order.
    leavers = [r.user for r in confirmed.select_related("user")[:5]]
    expected = [r.user_id for r in waiting.order_by("registered_at", "id")[:5]]
    _cancel_all_at_once(occurrence, leavers)
    now_confirmed = set(
        Registration.objects.filter(occurrence=occurrence, status="aangemeld").values_list("user_id", flat=True)
    )
    assert len(now_confirmed) == PLACES
    assert set(expected) <= now_confirmed
    assert Registration.objects.filter(occurrence=occurrence, status="wachtlijst").count() == PEOPLE - PLACES - 5


@pytest.mark.django_db(transaction=True)
def test_no_overbooking_with_simultaneous_registrations_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant below covers this database")
    _check_no_overbooking()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_no_overbooking_with_simultaneous_registrations_postgres():
    assert connection.vendor == "postgresql"
    _check_no_overbooking()
