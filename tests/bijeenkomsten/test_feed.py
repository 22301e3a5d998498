"""The personal, tokenised calendar feed contains only what its owner may read now."""

import pytest
from icalendar import Calendar

from tests.bijeenkomsten.conftest import make_bijeenkomst, make_group, make_member, only_occurrence
from tests.conftest import make_verified_user
from themagroepen import services as group_services
from themagroepen.bijeenkomsten import feeds, services

pytestmark = pytest.mark.django_db


def feed_events(client, token):
    response = client.get(f"/agenda/feed/{token}.ics")
    assert response.status_code == 200
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_feed_holds_the_meetings_of_all_my_groups_and_nothing_else(client, themagroep, member):
    other_group = make_group("Kantorentransformatie", "kantorentransformatie")
    make_member(other_group, member.email.replace("@", "+2@"))  # someone else
    from themagroepen.models import Membership

    second = make_group("Omgevingswet", "omgevingswet")
    Membership.objects.create(themagroep=second, user=member)
    make_bijeenkomst(themagroep, title="Eigen groep")
    make_bijeenkomst(second, title="Tweede groep")
    make_bijeenkomst(other_group, title="Andere groep")
    make_bijeenkomst(other_group, title="Openbaar elders", visibility="openbaar")
    token = feeds.feed_for(member).token
    assert set(feed_events(client, token)) == {"Eigen groep", "Tweede groep"}


def test_feed_shows_nothing_of_a_group_the_member_has_left(client, themagroep, beheerder, member):
    occurrence = only_occurrence(make_bijeenkomst(themagroep, title="Besloten overleg", address="Geheim adres 1"))
    services.register(member, occurrence)
    token = feeds.feed_for(member).token
    assert set(feed_events(client, token)) == {"Besloten overleg"}

    group_services.leave(themagroep, member)

    response = client.get(f"/agenda/feed/{token}.ics")
    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []
    assert b"Besloten overleg" not in response.content and b"Geheim adres" not in response.content


def test_address_appears_in_the_feed_only_for_dates_i_registered_for(client, themagroep, member):
    mine = only_occurrence(make_bijeenkomst(themagroep, title="Ingeschreven", address="Stadsplateau 1"))
    make_bijeenkomst(themagroep, title="Niet ingeschreven", address="Archimedeslaan 6", place="Utrecht")
    services.register(member, mine)
    events = feed_events(client, feeds.feed_for(member).token)
    assert str(events["Ingeschreven"]["LOCATION"]) == "Stadsplateau 1"
    assert str(events["Niet ingeschreven"]["LOCATION"]) == "Utrecht"


def test_a_non_member_registered_for_an_open_public_meeting_sees_it(client, themagroep):
    outsider = make_verified_user("buiten@gemeente.example")
    occurrence = only_occurrence(
        make_bijeenkomst(themagroep, title="Openbaar webinar", visibility="openbaar", allow_non_members=True)
    )
    make_bijeenkomst(themagroep, title="Besloten", visibility="leden")
    services.register(outsider, occurrence)
    assert set(feed_events(client, feeds.feed_for(outsider).token)) == {"Openbaar webinar"}


def test_regenerating_the_token_revokes_the_old_url(client, member):
    old = feeds.feed_for(member).token
    client.force_login(member)
    response = client.post("/agenda/abonneren/")
    assert response.status_code == 302
    new = feeds.feed_for(member).token
    assert new != old
    assert client.get(f"/agenda/feed/{old}.ics").status_code == 404
    assert client.get(f"/agenda/feed/{new}.ics").status_code == 200
    page = client.get("/agenda/abonneren/")
    assert new in page.content.decode() and old not in page.content.decode()


def test_unknown_token_is_a_404(client, db):
    assert client.get("/agenda/feed/bestaat-niet.ics").status_code == 404


def test_feed_query_count_does_not_grow_with_the_number_of_meetings(
    client, themagroep, member, django_assert_max_num_queries
):
    for number in range(12):
        occurrence = only_occurrence(make_bijeenkomst(themagroep, title=f"Overleg {number}"))
        services.register(member, occurrence)
    token = feeds.feed_for(member).token
    with django_assert_max_num_queries(10):
        assert len(feed_events(client, token)) == 12
