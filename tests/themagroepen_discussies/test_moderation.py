"""Beheerders pin, lock, move and hide (never delete); members report; beheerders resolve."""

import pytest
from bs4 import BeautifulSoup

from tests.themagroepen_discussies.conftest import _member, client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Report, Topic
from themagroepen.models import Role

pytestmark = pytest.mark.django_db


def moderate(user, groep, topic, action):
    return client_for(user).post(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/moderatie/", {"actie": action})


def test_members_cannot_moderate(groep, lid, topic):
    assert moderate(lid, groep, topic, "vastzetten").status_code == 403
    topic.refresh_from_db()
    assert not topic.pinned


def test_pinned_topics_come_first(groep, lid, beheerder, topic):
    newer = services.create_topic(groep, lid, "Nieuwer onderwerp", "Tekst")
    assert [t.pk for t in services.topics_for_group(groep, lid).topics] == [newer.pk, topic.pk]
    moderate(beheerder, groep, topic, "vastzetten")
    assert [t.pk for t in services.topics_for_group(groep, lid).topics] == [topic.pk, newer.pk]


def test_a_locked_topic_takes_no_replies_from_members_but_from_beheerders(groep, lid, lid2, beheerder, topic):
    moderate(beheerder, groep, topic, "sluiten")
    url = f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/"
    page = BeautifulSoup(client_for(lid2).get(topic.get_absolute_url()).content, "html.parser")
    assert page.select_one("#reageren form") is None
    assert "gesloten voor nieuwe reacties" in page.select_one("#reageren").get_text()
    assert client_for(lid2).post(url, {"body": "Toch nog iets"}).status_code == 403
    assert client_for(beheerder).post(url, {"body": "Afsluitende samenvatting", "plaatsen": ""}).status_code == 302
    assert list(Reply.objects.values_list("body", flat=True)) == ["Afsluitende samenvatting"]


def test_hidden_topics_stay_in_the_database_for_beheerders_only(groep, lid, lid2, beheerder, topic):
    moderate(beheerder, groep, topic, "verbergen")
    assert Topic.objects.filter(pk=topic.pk, hidden=True).exists()
    assert client_for(lid2).get(topic.get_absolute_url()).status_code == 404
    assert topic not in services.topics_for_group(groep, lid2).topics
    assert client_for(beheerder).get(topic.get_absolute_url()).status_code == 200
    moderate(beheerder, groep, topic, "tonen")
    assert client_for(lid2).get(topic.get_absolute_url()).status_code == 200


def test_hidden_replies_disappear_for_members_and_stay_marked_for_beheerders(groep, lid, lid2, beheerder, topic):
    reply = services.create_reply(topic, lid2, "Ongepaste opmerking")
    response = client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/moderatie/", {"actie": "verbergen"}
    )
    assert response.status_code == 302
    assert Reply.objects.filter(pk=reply.pk, hidden=True).exists()
    member_page = client_for(lid).get(topic.get_absolute_url()).content.decode()
    assert "Ongepaste opmerking" not in member_page
    assert client_for(lid).get(f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/").status_code == 404
    moderator_page = BeautifulSoup(client_for(beheerder).get(topic.get_absolute_url()).content, "html.parser")
    assert moderator_page.select_one(f"#reactie-{reply.pk} .tag--hidden").get_text() == "Verborgen voor leden"


def test_beheerders_move_topics_only_to_groups_they_moderate(groep, andere_groep, lid, beheerder, topic):
    url = f"/themagroepen/{groep.slug}/discussies/{topic.pk}/verplaatsen/"
    assert client_for(beheerder).post(url, {"target": andere_groep.pk}).status_code == 200  # not a valid choice
    assert Topic.objects.get(pk=topic.pk).themagroep == groep
    _member(andere_groep, "tweede@gemeente.example", Role.LID)
    from themagroepen.models import Membership

    Membership.objects.create(themagroep=andere_groep, user=beheerder, role=Role.BEHEERDER)
    response = client_for(beheerder).post(url, {"target": andere_groep.pk})
    topic.refresh_from_db()
    assert topic.themagroep == andere_groep
    assert response["Location"] == topic.get_absolute_url()
    # Members of the old group who are not in the new one lose sight of it: the new group's
    # members-only page (it is besloten), without the topic.
    moved_away = client_for(lid).get(topic.get_absolute_url())
    assert moved_away.status_code == 403 and topic.title not in moved_away.content.decode()


def test_members_report_and_beheerders_resolve(groep, lid, lid2, beheerder, topic):
    reply = services.create_reply(topic, lid2, "Reclame voor mijn bedrijf")
    response = client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/melden/", {"reason": "Dit is reclame."}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reply, report.reporter) == (reply, lid)
    reports_url = f"/themagroepen/{groep.slug}/discussies/meldingen/"
    assert client_for(lid).get(reports_url).status_code == 403
    page = BeautifulSoup(client_for(beheerder).get(reports_url).content, "html.parser")
    assert "Dit is reclame." in page.select_one(".report").get_text()
    client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/meldingen/{report.pk}/afhandelen/",
        {f"melding-{report.pk}-outcome": "verbergen", f"melding-{report.pk}-reason": "Reclame."},
    )
    report.refresh_from_db()
    assert report.resolved_by == beheerder and report.resolved_at is not None
    assert Reply.objects.filter(pk=reply.pk, hidden=True).exists()  # hidden, never deleted


def test_topic_lists_count_only_the_replies_the_reader_may_read(groep, lid, lid2, beheerder, topic):
    replies = [services.create_reply(topic, lid2, f"Reactie {n}") for n in range(4)]
    services.set_flag(replies[0], "hidden", True)

    def count_shown(user):
        page = BeautifulSoup(client_for(user).get(f"/themagroepen/{groep.slug}/discussies/").content, "html.parser")
        return page.select_one(".topic-list__meta").get_text(" ", strip=True)

    assert "· 3 reacties ·" in count_shown(lid)
    assert "· 4 reacties ·" in count_shown(beheerder)  # beheerders read hidden replies too
    services.set_flag(replies[1], "hidden", True)
    services.set_flag(replies[2], "hidden", True)
    assert "· 1 reactie ·" in count_shown(lid)
