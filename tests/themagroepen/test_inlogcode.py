"""Inlogcodes admit whoever enters them — until they expire, are revoked or are used up."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_verified_user
from themagroepen import services
from themagroepen.models import JoinCode, Membership


@pytest.mark.django_db
def test_beheerder_creates_code_and_a_newcomer_joins_with_it(client, groep, moderator, buitenstaander):
    client.force_login(moderator)
    expires_on = (timezone.localdate() + timedelta(days=7)).isoformat()
    client.post(reverse("themagroepen:create_join_code", args=[groep.slug]), {"expires_on": expires_on, "max_uses": 2})
    join_code = JoinCode.objects.get()
    assert join_code.max_uses == 2 and join_code.is_usable
    assert join_code.code in client.get(reverse("themagroepen:invite", args=[groep.slug])).content.decode()

    client.force_login(buitenstaander)
    # Typed in lower case with a space: still the same code.
    typed = join_code.code.lower()[:5] + " " + join_code.code.lower()[5:]
    response = client.post(reverse("themagroepen:redeem_code"), {"code": typed})
    assert response.status_code == 302 and response.url == groep.get_absolute_url()
    assert Membership.objects.filter(themagroep=groep, user=buitenstaander).exists()
    join_code.refresh_from_db()
    assert join_code.uses == 1


@pytest.mark.django_db
def test_expired_code_admits_nobody(client, groep, moderator, buitenstaander):
    join_code = services.create_join_code(
        groep, by=moderator, expires_at=timezone.now() + timedelta(hours=1), max_uses=5
    )
    JoinCode.objects.filter(pk=join_code.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(buitenstaander)
    response = client.post(reverse("themagroepen:redeem_code"), {"code": join_code.code})
    assert "onbekend, verlopen of al te vaak gebruikt" in response.content.decode()
    assert not Membership.objects.filter(user=buitenstaander).exists()


@pytest.mark.django_db
def test_code_stops_at_max_uses_and_repeat_entry_uses_no_place(groep, moderator):
    join_code = services.create_join_code(
        groep, by=moderator, expires_at=timezone.now() + timedelta(days=1), max_uses=2
    )
    first, second, third = (make_verified_user(f"persoon{i}@gemeente.example") for i in range(3))
    services.redeem_join_code(join_code.code, first)
    services.redeem_join_code(join_code.code, first)  # already a member: not counted
    services.redeem_join_code(join_code.code, second)
    with pytest.raises(services.MembershipError):
        services.redeem_join_code(join_code.code, third)
    join_code.refresh_from_db()
    assert join_code.uses == 2
    assert not Membership.objects.filter(user=third).exists()


@pytest.mark.django_db
def test_revoked_code_admits_nobody(groep, moderator, buitenstaander):
    join_code = services.create_join_code(
        groep, by=moderator, expires_at=timezone.now() + timedelta(days=1), max_uses=5
    )
    services.revoke_join_code(join_code, by=moderator)
    with pytest.raises(services.MembershipError):
        services.redeem_join_code(join_code.code, buitenstaander)


@pytest.mark.django_db
def test_code_in_the_past_cannot_be_created(groep, moderator):
    with pytest.raises(services.MembershipError, match="toekomst"):
        services.create_join_code(groep, by=moderator, expires_at=timezone.now() - timedelta(days=1), max_uses=5)


@pytest.mark.django_db(transaction=True)
def test_concurrent_redeemers_never_exceed_max_uses(groep, moderator):
    join_code = services.create_join_code(
        groep, by=moderator, expires_at=timezone.now() + timedelta(days=1), max_uses=3
    )
    people = [make_verified_user(f"gelijktijdig{i}@gemeente.example") for i in range(8)]
    outcomes = []
    start = threading.Barrier(len(people))

    def redeem(person):
        try:
            start.wait()
            services.redeem_join_code(join_code.code, person)
            outcomes.append("lid")
        except services.MembershipError:
            outcomes.append("geweigerd")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=redeem, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    join_code.refresh_from_db()
    assert sorted(outcomes) == ["geweigerd"] * 5 + ["lid"] * 3
    assert join_code.uses == 3
    assert Membership.objects.filter(themagroep=groep).exclude(user=moderator).count() == 3
