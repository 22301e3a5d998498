"""Members start topics, reply, quote, mention, edit with history, mark solutions and say "nuttig"."""

import pytest
from bs4 import BeautifulSoup

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import PostRevision, Reaction, Reply, Topic, TopicFollow

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_member_starts_a_topic_and_lands_on_its_page(groep, lid):
    client = client_for(lid)
    response = client.post(
        f"/themagroepen/{groep.slug}/discussies/nieuw/",
        {
            "title": "Leegstandsverordening: ervaringen?",
            "body": "Wie heeft de *verordening* al toegepast?",
            "plaatsen": "",
        },
    )
    topic = Topic.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/themagroepen/{groep.slug}/discussies/{topic.pk}-leegstandsverordening-ervaringen/"
    page = soup(client.get(response["Location"]))
    assert page.h1.get_text() == "Leegstandsverordening: ervaringen?"
    assert page.select_one(".post__body em").get_text() == "verordening"
    assert TopicFollow.objects.filter(user=lid, topic=topic).exists()


def test_a_wrong_slug_redirects_to_the_canonical_topic_url(groep, lid, topic):
    response = client_for(lid).get(f"/themagroepen/{groep.slug}/discussies/{topic.pk}-oude-titel/")
    assert response.status_code == 301
    assert response["Location"] == topic.get_absolute_url()


def test_reply_without_javascript_posts_and_redirects_to_the_reply(groep, lid, lid2, topic):
    client = client_for(lid2)
    response = client.post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
        {"body": "Wij werken met *antikraak*.", "plaatsen": ""},
    )
    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"?reactie={reply.pk}#reactie-{reply.pk}")
    page = soup(client.get(response["Location"]))
    assert page.select_one(f"#reactie-{reply.pk} .post__body em").get_text() == "antikraak"
    assert TopicFollow.objects.filter(user=lid2, topic=topic).exists()


def test_preview_button_without_javascript_rerenders_with_preview_and_keeps_text(groep, lid, topic):
    response = client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
        {"body": "Een **vet** voorbeeld", "voorbeeld": "1"},
    )
    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("#voorbeeld strong").get_text() == "vet"
    assert page.select_one("textarea[name=body]").get_text().strip() == "Een **vet** voorbeeld"
    assert not Reply.objects.exists()


def test_preview_endpoint_returns_sanitised_html(groep, lid):
    response = client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/voorbeeld/",
        {"body": "# Kop\n<script>x</script> [a](javascript:alert(1))"},
    )
    page = soup(response)
    assert page.h3.get_text() == "Kop"
    assert page.find("script") is None
    assert all(not a.get("href", "").startswith("javascript") for a in page.find_all("a"))


def test_quoting_a_reply_prefills_the_form(groep, lid, lid2, topic):
    reply = services.create_reply(topic, lid2, "Regel een\n\nRegel twee")
    page = soup(client_for(lid).get(topic.get_absolute_url() + f"?citeer={reply.pk}"))
    body = page.select_one("textarea[name=body]").get_text().lstrip("\n")
    assert body.startswith("> **Bram Visser** schreef:")
    assert "> Regel een" in body and "> Regel twee" in body
    assert page.select_one("input[name=in_reply_to]")["value"] == str(reply.pk)


def test_mentions_link_group_members_and_notify_them(groep, lid, lid2, beheerder, topic, notifications):
    reply = services.create_reply(
        topic, beheerder, "Vraag het @bram-visser of @onbekend, en `@anne-jansen` in code niet."
    )
    assert '<strong class="mention">@bram-visser</strong>' in reply.html
    assert "@onbekend" in reply.html and 'mention">@onbekend' not in reply.html
    mention = next(n for n in notifications if n["kind"] == "mention")
    assert mention["recipients"] == {"bram@gemeente.example"}
    # The topic starter follows the topic (and is its author): a reply notification, not a mention.
    replies = next(n for n in notifications if n["kind"] == "reply")
    assert replies["recipients"] == {"anne@gemeente.example"}
    assert replies["url"].endswith(f"#reactie-{reply.pk}")


def test_mentions_use_the_handle_the_member_chose_not_the_e_mail_address(groep, lid, lid2, beheerder, topic):
    assert lid2.profile.handle == "bram-visser"  # a first handle from the name
    reply = services.create_reply(topic, beheerder, "Vraag het @bram (het e-mailadres begint zo).")
    assert 'class="mention"' not in reply.html
    client = client_for(lid2)
    response = client.post(
        "/account/profiel/bewerken/", {"name": "Bram Visser", "handle": "bvisser", "functie": "", "organisation": ""}
    )
    assert response.status_code == 302
    reply = services.create_reply(topic, beheerder, "Vraag het @bvisser.")
    assert '<strong class="mention">@bvisser</strong>' in reply.html
    taken = client_for(lid).post(
        "/account/profiel/bewerken/", {"name": "Anne Jansen", "handle": "bvisser", "functie": "", "organisation": ""}
    )
    assert "Deze gebruikersnaam is al in gebruik" in taken.content.decode()
    members = client.get(f"/themagroepen/{groep.slug}/leden/").content.decode()
    assert "@bvisser" in members and "@anne-jansen" in members
    assert "@bvisser" in client.get("/account/profiel/").content.decode()


def test_mentioning_a_follower_gives_one_notification_not_two(groep, lid, lid2, beheerder, topic, notifications):
    services.create_reply(topic, lid2, "Ik volg dit onderwerp nu.")
    notifications.clear()
    services.create_reply(topic, beheerder, "Wat vindt @bram-visser ervan?")
    told = [n for n in notifications if "bram@gemeente.example" in n["recipients"]]
    assert [n["kind"] for n in told] == ["mention"]


def test_a_mention_inside_a_hidden_topic_tells_the_member_nothing(groep, lid, lid2, beheerder, topic, notifications):
    services.set_flag(topic, "hidden", True)
    services.create_reply(topic, beheerder, "Let op, @bram-visser.")
    assert not [n for n in notifications if "bram@gemeente.example" in n["recipients"]]


def test_followers_hear_about_replies_but_not_about_their_own(groep, lid, lid2, beheerder, topic, notifications):
    services.create_reply(topic, lid2, "Eerste reactie")
    notifications.clear()
    services.create_reply(topic, lid2, "Nog een reactie")
    assert notifications[0]["recipients"] == {"anne@gemeente.example"}
    notifications.clear()
    services.create_reply(topic, lid, "Antwoord van de starter")
    assert notifications[0]["recipients"] == {"bram@gemeente.example"}


def test_unfollowing_stops_reply_notifications_but_quoted_authors_still_hear(
    groep, lid, lid2, beheerder, topic, notifications
):
    first = services.create_reply(topic, lid2, "Bram schrijft iets")
    services.toggle_follow(lid2, topic)
    notifications.clear()
    services.create_reply(topic, beheerder, "> Bram schrijft iets\n\nEens!", in_reply_to=first)
    assert notifications[0]["recipients"] == {"anne@gemeente.example", "bram@gemeente.example"}
    notifications.clear()
    services.create_reply(topic, beheerder, "Zonder citaat")
    assert notifications[0]["recipients"] == {"anne@gemeente.example"}


def test_editing_keeps_history_visible_to_members(groep, lid, lid2, topic):
    client = client_for(lid)
    client.post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/bewerken/",
        {"title": "Nieuwe titel", "body": "Nieuwe tekst", "plaatsen": ""},
    )
    topic.refresh_from_db()
    assert topic.title == "Nieuwe titel" and topic.edited is not None
    revision = PostRevision.objects.get()
    assert revision.title == "Tijdelijke verhuur van leegstaande kantoren"
    page = soup(client_for(lid2).get(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/geschiedenis/"))
    texts = [section.get_text(" ", strip=True) for section in page.select(".revision")]
    assert "Nieuwe tekst" in texts[0]
    assert "leegstandsbeheer" in texts[1] and "Anne Jansen" in texts[1]


def test_only_the_author_or_a_beheerder_may_edit_a_reply(groep, lid, lid2, beheerder, topic):
    reply = services.create_reply(topic, lid2, "Origineel")
    url = f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/bewerken/"
    assert client_for(lid).post(url, {"body": "Gekaapt"}).status_code == 403
    assert client_for(beheerder).post(url, {"body": "Door beheerder ingekort", "plaatsen": ""}).status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Door beheerder ingekort"
    assert PostRevision.objects.get(reply=reply).body == "Origineel"


def test_topic_starter_or_beheerder_marks_one_solution(groep, lid, lid2, beheerder, topic):
    first = services.create_reply(topic, lid2, "Probeer de leegstandswet")
    second = services.create_reply(topic, beheerder, "Of een tijdelijk huurcontract")
    assert (
        client_for(lid2).post(f"/themagroepen/{groep.slug}/discussies/reacties/{first.pk}/oplossing/").status_code
        == 403
    )
    client_for(lid).post(f"/themagroepen/{groep.slug}/discussies/reacties/{first.pk}/oplossing/")
    client_for(beheerder).post(f"/themagroepen/{groep.slug}/discussies/reacties/{second.pk}/oplossing/")
    assert list(Reply.objects.filter(is_solution=True)) == [second]
    page = soup(client_for(lid).get(topic.get_absolute_url()))
    assert page.select_one(f"#reactie-{second.pk} .tag--solution").get_text() == "Oplossing"


def test_nuttig_is_one_per_member_per_post_and_toggles(groep, lid, lid2, topic):
    reply = services.create_reply(topic, lid, "Handig overzicht")
    client = client_for(lid2)
    url = f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/nuttig/"
    client.post(url)
    assert Reaction.objects.filter(reply=reply).count() == 1
    page = soup(client.get(topic.get_absolute_url()))
    item = page.select_one(f"#reactie-{reply.pk}")
    assert item.select_one(".post__useful").get_text() == "1 × nuttig"
    assert item.select_one("button[aria-pressed]")["aria-pressed"] == "true"
    client.post(url)
    assert not Reaction.objects.filter(reply=reply).exists()
    # Your own post: no button, and a forged POST changes nothing.
    client_for(lid).post(url)
    assert not Reaction.objects.exists()


def test_deleted_members_show_as_verwijderd_lid(groep, lid, lid2, topic):
    services.create_reply(topic, lid2, "Tot ziens")
    lid2.delete()
    page = soup(client_for(lid).get(topic.get_absolute_url()))
    assert page.select_one(".posts .post__author").get_text(strip=True) == "Verwijderd lid"


def test_outsiders_get_the_members_only_page_and_anonymous_visitors_the_login_page(groep, lid, topic, buitenstaander):
    urls = [
        f"/themagroepen/{groep.slug}/discussies/",
        topic.get_absolute_url(),
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/geschiedenis/",
        f"/themagroepen/{groep.slug}/discussies/nieuw/",
    ]
    for url in urls:
        refused = client_for(buitenstaander).get(url)
        assert refused.status_code == 403, url
        assert "Deze pagina is alleen voor leden" in refused.content.decode()
        assert topic.title not in refused.content.decode()
        anonymous = client_for(lid).__class__().get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/account/login/"), url
    assert (
        client_for(buitenstaander)
        .post(f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/", {"body": "x"})
        .status_code
        == 403
    )
    assert not Reply.objects.exists()


def test_the_solution_shows_under_the_question_and_the_list_says_opgelost(groep, lid, lid2, beheerder, topic):
    other = services.create_topic(groep, lid2, "Wie kent een kantorenloods?", "Graag een naam.")
    services.create_reply(topic, lid2, "Eerst een vraag terug.")
    answer = services.create_reply(topic, lid2, "Wij gebruiken **leegstandsbeheer** met tijdelijke huur.")
    for _ in range(3):
        services.create_reply(topic, lid, "Dank, nog een vraag.")
    # A beheerder may mark the solution too, not only the one who asked.
    client = client_for(beheerder)
    client.post(f"/themagroepen/{groep.slug}/discussies/reacties/{answer.pk}/oplossing/")
    answer.refresh_from_db()
    assert answer.is_solution

    page = BeautifulSoup(client_for(lid).get(topic.get_absolute_url()).content, "html.parser")
    summary = page.select_one(".solution-summary")
    question = page.select_one("article.post")
    assert question.find_next("section") is summary  # directly under the question
    assert summary.select_one("strong").get_text() == "leegstandsbeheer"
    assert summary.select_one("a")["href"].endswith(f"#reactie-{answer.pk}")

    listing = BeautifulSoup(client.get(f"/themagroepen/{groep.slug}/discussies/").content, "html.parser")
    rows = {li.select_one(".topic-list__title").get_text(): li for li in listing.select(".topic-list__item")}
    assert rows[topic.title].select_one(".tag--solution").get_text() == "Opgelost"
    assert rows[other.title].select_one(".tag--solution") is None
    unanswered = BeautifulSoup(
        client.get(f"/themagroepen/{groep.slug}/discussies/?filter=onbeantwoord").content, "html.parser"
    )
    assert [a.get_text() for a in unanswered.select(".topic-list__title")] == [other.title]


def test_a_hidden_solution_is_not_shown_to_members(groep, lid, lid2, beheerder, topic):
    answer = services.create_reply(topic, lid2, "Geheim antwoord.")
    services.toggle_solution(answer)
    services.set_flag(answer, "hidden", True)
    html = client_for(lid).get(topic.get_absolute_url()).content.decode()
    assert "solution-summary" not in html
