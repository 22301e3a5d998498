"""Nothing typed is lost to an expired session (issue 17, point 12), the server's part: the page
knows how long the session still lasts, "Sessie verlengen" extends it, the page after a post says
which browser draft to forget, and a GET on the reply URL (where the login after an expired
session returns to) leads to the topic instead of a 405."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.themagroepen_discussies.conftest import client_for

pytestmark = pytest.mark.django_db


def reply_url(groep, topic):
    return f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/"


def login_next(response) -> str:
    location = urlsplit(response["Location"])
    assert location.path == "/account/login/"
    return parse_qs(location.query)["next"][0]


def session_seconds(response) -> int:
    return int(re.search(r'data-session-seconds="(\d+)"', response.content.decode()).group(1))


def test_a_get_on_the_reply_url_leads_to_the_topic(groep, lid, topic):
    response = client_for(lid).get(reply_url(groep, topic))
    assert response.status_code == 302
    assert response["Location"] == topic.get_absolute_url()


def test_the_reply_url_still_reveals_nothing_to_outsiders_and_anonymous_visitors(groep, topic, buitenstaander):
    outsider = client_for(buitenstaander)
    refused = outsider.get(reply_url(groep, topic))
    assert refused.status_code == outsider.get(topic.get_absolute_url()).status_code == 403  # members-only page
    assert topic.title not in refused.content.decode()
    anonymous = Client().get(reply_url(groep, topic))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/account/login/")


def test_logging_in_after_an_expired_session_returns_to_the_topic(groep, lid, topic):
    """The expired session's post went to the login with next=<reply URL>."""
    client = Client()
    posted = client.post(reply_url(groep, topic), {"body": "Mijn lange reactie"})
    assert posted.status_code == 302
    login = posted["Location"]
    assert "next=" in login
    response = client.post(login, {"login": lid.email, "password": "Sterk-wachtwoord-2026"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == topic.get_absolute_url()
    assert "Mijn lange reactie" not in response.content.decode()  # nothing was posted on the way


@pytest.mark.parametrize("action", ["reageren", "volgen", "nuttig"])
def test_a_form_posted_after_the_session_ended_leads_the_login_back_to_its_page(groep, topic, action):
    page = topic.get_absolute_url() + "?pagina=1"
    posted = Client().post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/{action}/",
        {"body": "x"},
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert posted.status_code == 302
    assert login_next(posted) == page


def test_a_foreign_referer_is_not_followed_after_login(groep, topic):
    posted = Client().post(reply_url(groep, topic), {"body": "x"}, HTTP_REFERER="https://elders.example/pagina/")
    assert login_next(posted) == reply_url(groep, topic)


def test_the_page_shows_the_seconds_the_stored_session_has_left(groep, lid, topic):
    client = client_for(lid)
    # Logged in eleven hours and fifty minutes ago: ten minutes left, not a fresh session length.
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=10))
    seconds = session_seconds(client.get(topic.get_absolute_url()))
    assert 590 <= seconds <= 600
    seconds = session_seconds(client.get(f"/themagroepen/{groep.slug}/discussies/nieuw/"))
    assert 590 <= seconds <= 600


def test_sessie_verlengen_gives_a_full_session_again(groep, lid, topic, settings):
    client = client_for(lid)
    session = Session.objects.get()
    Session.objects.update(expire_date=timezone.now() + timedelta(seconds=90))
    response = client.post("/account/sessie/verlengen/")
    assert response.status_code == 200
    assert response.json()["seconds_left"] == settings.SESSION_COOKIE_AGE
    left = (Session.objects.get(pk=session.pk).expire_date - timezone.now()).total_seconds()
    assert left > settings.SESSION_COOKIE_AGE - 60


def test_sessie_verlengen_needs_a_post_with_csrf_and_a_live_session(lid):
    assert client_for(lid).get("/account/sessie/verlengen/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(lid)
    assert strict.post("/account/sessie/verlengen/").status_code == 403
    ended = Client().post("/account/sessie/verlengen/")
    assert ended.status_code == 401
    assert ended.json()["error"] == "Uw sessie is verlopen. Log opnieuw in."


def test_after_a_post_the_page_names_the_draft_to_forget_once(groep, lid, topic):
    client = client_for(lid)
    page = client.post(reply_url(groep, topic), {"body": "Geplaatst"}, follow=True).content.decode()
    assert f'data-concept-geplaatst="{lid.pk}:reactie:{topic.pk}"' in page
    assert f'data-concept="{lid.pk}:reactie:{topic.pk}"' in page
    assert "data-concept-geplaatst" not in client.get(topic.get_absolute_url()).content.decode()

    new_topic = client.post(
        f"/themagroepen/{groep.slug}/discussies/nieuw/", {"title": "Nieuw", "body": "Tekst"}, follow=True
    )
    assert f'data-concept-geplaatst="{lid.pk}:onderwerp:{groep.slug}"' in new_topic.content.decode()


def test_a_refused_post_keeps_the_draft(groep, lid, topic):
    page = client_for(lid).post(reply_url(groep, topic), {"body": ""}).content.decode()
    assert "data-concept-geplaatst" not in page
