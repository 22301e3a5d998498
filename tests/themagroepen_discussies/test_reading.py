"""Read tracking (unread markers and counts) and a 300-reply topic with bounded queries."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply, Topic

pytestmark = pytest.mark.django_db


def unread(groep, user):
    overview = services.topics_for_group(groep, user)
    return overview.unread_topics, {t.title: t.new_replies for t in overview.topics if t.is_unread}


def test_new_topics_and_replies_are_unread_until_read(groep, lid, lid2, topic):
    assert unread(groep, lid2) == (1, {topic.title: 0})
    assert unread(groep, lid) == (0, {})  # your own topic is read
    client_for(lid2).get(topic.get_absolute_url())
    assert unread(groep, lid2) == (0, {})
    services.create_reply(topic, lid, "Aanvulling 1")
    services.create_reply(topic, lid, "Aanvulling 2")
    assert unread(groep, lid2) == (1, {topic.title: 2})
    client_for(lid2).get(topic.get_absolute_url())
    assert unread(groep, lid2) == (0, {})


def test_mark_all_read_in_a_group(groep, lid, lid2, topic):
    services.create_topic(groep, lid, "Tweede onderwerp", "Tekst")
    assert unread(groep, lid2)[0] == 2
    client_for(lid2).post(f"/themagroepen/{groep.slug}/discussies/gelezen/")
    assert unread(groep, lid2)[0] == 0


def test_activity_older_than_the_cutoff_counts_as_read(groep, lid, lid2):
    old = services.create_topic(groep, lid, "Oud onderwerp", "Tekst")
    Topic.objects.filter(pk=old.pk).update(last_activity=timezone.now() - timedelta(days=120))
    assert unread(groep, lid2) == (0, {})


def test_group_page_fragment_shows_unread_counts(groep, lid, lid2, topic):
    services.create_reply(topic, lid, "Nieuw")
    client_for(lid2).get(topic.get_absolute_url())
    services.create_reply(topic, lid, "Nog nieuwer")
    request = RequestFactory().get("/")
    request.user = lid2
    html = render_to_string("themagroepen/discussies/_group_topics.html", {"themagroep": groep, "request": request})
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("h2 .tag--new").get_text() == "1 ongelezen"
    assert page.select_one(".topic-list__item--unread .tag--new").get_text() == "1 nieuw"


def test_topic_with_300_replies_paginates_with_bounded_queries(groep, lid, lid2, topic, django_assert_max_num_queries):
    start = timezone.now() - timedelta(hours=5)
    Reply.objects.bulk_create(
        Reply(
            topic=topic,
            author=lid2 if i % 2 else lid,
            body=f"Reactie {i}",
            html=f"<p>Reactie {i}</p>",
            created=start + timedelta(seconds=i),
        )
        for i in range(300)
    )
    Topic.objects.filter(pk=topic.pk).update(last_activity=start + timedelta(seconds=299))
    client = client_for(lid2)
    client.get("/")  # warm up the session outside the measured request
    with django_assert_max_num_queries(25) as captured:
        response = client.get(topic.get_absolute_url() + "?pagina=3")
    print(f"topic page 3 of 6 (300 replies): {len(captured)} queries")
    page = BeautifulSoup(response.content, "html.parser")
    items = page.select("#reacties > li")
    assert len(items) == 50
    assert items[0].select_one(".post__body").get_text(strip=True) == "Reactie 100"
    assert page.select_one("#reacties")["start"] == "101"
    assert page.select_one(".pagination [aria-current=page]").get_text(" ", strip=True) == "Pagina 3"
    with django_assert_max_num_queries(25):
        last = client.get(topic.get_absolute_url() + "?pagina=6")
    assert len(BeautifulSoup(last.content, "html.parser").select("#reacties > li")) == 50


def test_link_to_a_reply_opens_the_page_that_holds_it(groep, lid, topic):
    start = timezone.now() - timedelta(hours=1)
    replies = Reply.objects.bulk_create(
        Reply(topic=topic, author=lid, body=f"R{i}", html=f"<p>R{i}</p>", created=start + timedelta(seconds=i))
        for i in range(120)
    )
    response = client_for(lid).get(topic.get_absolute_url() + f"?reactie={replies[110].pk}")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"#reactie-{replies[110].pk}") is not None
    assert page.select_one(".pagination [aria-current=page]").get_text(" ", strip=True) == "Pagina 3"


def test_search_result_for_a_late_reply_opens_the_page_that_holds_it(groep, lid, topic):
    from search.documents import adapter_for

    start = timezone.now() - timedelta(hours=1)
    replies = Reply.objects.bulk_create(
        Reply(topic=topic, author=lid, body=f"R{i}", html=f"<p>R{i}</p>", created=start + timedelta(seconds=i))
        for i in range(60)
    )
    [document] = adapter_for(Reply).documents(Reply.objects.get(pk=replies[55].pk))
    page = BeautifulSoup(client_for(lid).get(document.url).content, "html.parser")
    assert page.select_one(f"#reactie-{replies[55].pk}") is not None  # page 2, not the topic's first page
