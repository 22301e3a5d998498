"""Writing a reply is never disturbed or lost (issue 17, points 13 and 12), in real Chromium.

Two members in two browsers (320 px wide, where a growing list pushed the box out of view): live
replies wait behind "N nieuwe reacties tonen" while one of them writes or has paused; drafts
survive a reload and an expired session; the session warning extends the session.
"""

import threading
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.services import create_reply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFTS = "() => Object.keys(localStorage).filter(k => k.startsWith('kp-concept:'))"


def signed_in(chromium, live_server_url, user, width=320):
    context = chromium.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": width, "height": 640}
    )
    context.set_default_timeout(10_000)
    session_key = client_for(user).cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": live_server_url}])
    return context, context.new_page(), session_key


def post_reply(topic, author, body):
    """Bram replies, as the reply form would; in a thread of its own, because the live event
    after commit cannot be sent from the thread where Playwright's event loop runs."""
    result = {}

    def run():
        try:
            result["reply"] = create_reply(topic, author, body, [], None)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return result["reply"]


def box_top(page):
    return page.evaluate("document.querySelector('#reageren textarea').getBoundingClientRect().top")


def focused_name(page):
    return page.evaluate("document.activeElement.name || document.activeElement.id")


def test_live_replies_wait_while_a_member_writes_and_while_paused(
    groep, lid, lid2, topic, chromium, live_server_url, assert_accessible
):
    context, anne, _ = signed_in(chromium, live_server_url, lid)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.wait_for_selector("[data-live=verbonden]")
        box = anne.get_by_label("Uw reactie")
        box.fill("Bij ons in Zwolle werkt het zo: ")
        box.press("End")
        top = box_top(anne)
        show = anne.locator("[data-nieuwe-reacties]")
        replies = anne.locator("#reacties > li.posts__item")

        first = post_reply(topic, lid2, "Eerste reactie van Bram")
        expect(anne.locator("#live-aankondiging")).to_have_text("1 nieuwe reactie")
        assert show.inner_text() == "1 nieuwe reactie tonen"
        assert replies.count() == 0  # nothing was inserted above the box
        assert abs(box_top(anne) - top) < 1  # (sub-pixel rounding aside)
        assert box.input_value() == "Bij ons in Zwolle werkt het zo: "
        assert focused_name(anne) == "body"
        box.press_sequentially("verder typen")  # focus stayed: the text goes on where it was

        post_reply(topic, lid2, "Tweede reactie van Bram")
        expect(anne.locator("#live-aankondiging")).to_have_text("2 nieuwe reacties")
        assert show.inner_text() == "2 nieuwe reacties tonen"
        assert abs(box_top(anne) - top) < 1  # (sub-pixel rounding aside)
        assert box.input_value() == "Bij ons in Zwolle werkt het zo: verder typen"
        assert_accessible(anne)

        show.focus()
        show.press("Enter")
        assert replies.count() == 2
        assert focused_name(anne) == f"reactie-{first.pk}"
        assert show.is_hidden()
        assert anne.locator(".replies__count").inner_text() == "(2)"

        # Paused, with an empty box and focus elsewhere: replies still wait.
        box.fill("")
        pause = anne.get_by_role("button", name="Live bijwerken pauzeren")
        pause.focus()
        pause.press("Enter")
        assert pause.get_attribute("aria-pressed") == "true"
        expect(anne.locator("#live-aankondiging")).to_have_text(
            "Live bijwerken is gepauzeerd. Nieuwe reacties worden verzameld tot u ze toont."
        )
        post_reply(topic, lid2, "Derde reactie van Bram")
        show.wait_for()
        assert show.inner_text() == "1 nieuwe reactie tonen"
        assert replies.count() == 2
        assert_accessible(anne)

        pause.press("Enter")  # resume
        assert pause.get_attribute("aria-pressed") == "false"
        expect(anne.locator("#live-aankondiging")).to_have_text("Live bijwerken is hervat.")
        show.click()
        assert replies.count() == 3

        # Not writing, not paused, nothing waiting: a reply appears by itself, as before.
        post_reply(topic, lid2, "Vierde reactie van Bram")
        replies.nth(3).wait_for()
        assert show.is_hidden()
        assert anne.locator(".replies__count").inner_text() == "(4)"
    finally:
        context.close()


def test_a_draft_survives_a_reload_and_is_gone_after_posting(groep, lid, topic, chromium, live_server_url):
    context, anne, _ = signed_in(chromium, live_server_url, lid, width=1024)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_label("Uw reactie").press_sequentially("Een concept dat niet verloren mag gaan")
        anne.reload()
        assert anne.get_by_label("Uw reactie").input_value() == "Een concept dat niet verloren mag gaan"
        assert anne.locator("[data-concept-status]").is_visible()
        anne.get_by_role("button", name="Reactie plaatsen").click()
        anne.wait_for_url("**#reactie-*")
        assert anne.locator("#reacties .post__body").first.inner_text() == "Een concept dat niet verloren mag gaan"
        assert anne.evaluate(DRAFTS) == []
        assert anne.get_by_label("Uw reactie").input_value() == ""

        anne.goto(f"{live_server_url}/themagroepen/{groep.slug}/discussies/nieuw/")
        anne.get_by_label("Titel").press_sequentially("Kantoren ombouwen")
        anne.get_by_label("Bericht").press_sequentially("Wie heeft ervaring?")
        anne.reload()
        assert anne.get_by_label("Titel").input_value() == "Kantoren ombouwen"
        assert anne.get_by_label("Bericht").input_value() == "Wie heeft ervaring?"
        anne.get_by_role("button", name="Onderwerp plaatsen").click()
        anne.wait_for_selector("h1:has-text('Kantoren ombouwen')")
        assert anne.evaluate(DRAFTS) == []
    finally:
        context.close()


def test_logging_out_forgets_the_drafts_of_this_browser(groep, lid, topic, chromium, live_server_url):
    context, anne, _ = signed_in(chromium, live_server_url, lid, width=1024)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_label("Uw reactie").press_sequentially("Niet voor de volgende aan deze computer")
        assert len(anne.evaluate(DRAFTS)) == 1
        anne.get_by_role("button", name="Uitloggen").click()
        anne.wait_for_load_state()
        assert anne.evaluate(DRAFTS) == []
    finally:
        context.close()


def test_after_an_expired_session_the_login_returns_to_the_topic_with_the_text(
    groep, lid, topic, chromium, live_server_url
):
    context, anne, session_key = signed_in(chromium, live_server_url, lid, width=1024)
    try:
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_label("Uw reactie").press_sequentially("Een lange reactie, getypt terwijl de sessie verliep")
        Session.objects.filter(session_key=session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
        anne.get_by_role("button", name="Reactie plaatsen").click()
        anne.wait_for_url("**/account/login/**")
        anne.get_by_label("E-mail").fill(lid.email)
        anne.get_by_label("Wachtwoord").fill("Sterk-wachtwoord-2026")
        anne.get_by_label("Wachtwoord").press("Enter")
        anne.wait_for_url(live_server_url + topic.get_absolute_url())
        assert anne.get_by_label("Uw reactie").input_value() == "Een lange reactie, getypt terwijl de sessie verliep"
        anne.get_by_role("button", name="Reactie plaatsen").click()
        anne.wait_for_url("**#reactie-*")
        assert "getypt terwijl de sessie verliep" in anne.locator("#reacties .post__body").first.inner_text()
    finally:
        context.close()


def shorten(session_key, seconds):
    session = SessionStore(session_key=session_key)
    session.set_expiry(seconds)
    session.save()


def test_the_session_warning_extends_the_session(
    groep, lid, topic, chromium, live_server_url, settings, assert_accessible
):
    context, anne, session_key = signed_in(chromium, live_server_url, lid, width=1024)
    try:
        shorten(session_key, 126)  # the warning is due after six seconds
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_label("Uw reactie").press_sequentially("Nog even")
        dialog = anne.get_by_role("dialog", name="Uw sessie verloopt bijna")
        assert dialog.is_hidden()
        dialog.wait_for(timeout=15_000)
        assert focused_name(anne) == ""  # on the dialog's button, no longer typing by accident
        assert anne.evaluate("document.activeElement.textContent") == "Sessie verlengen"
        assert_accessible(anne)

        anne.keyboard.press("Enter")
        dialog.wait_for(state="hidden")
        expect(anne.locator("[data-sessie-status]")).to_have_text("Uw sessie is verlengd.")
        assert focused_name(anne) == "body"  # back where the person was typing
        left = (Session.objects.get(session_key=session_key).expire_date - timezone.now()).total_seconds()
        assert left > settings.SESSION_COOKIE_AGE - 60
        anne.wait_for_timeout(1500)
        assert dialog.is_hidden()  # the page counts from the new expiry too
    finally:
        context.close()


def test_an_ended_session_says_so_and_links_to_the_login_back_here(groep, lid, topic, chromium, live_server_url):
    context, anne, session_key = signed_in(chromium, live_server_url, lid, width=1024)
    try:
        shorten(session_key, 3)
        anne.goto(live_server_url + topic.get_absolute_url())
        anne.get_by_role("dialog", name="Uw sessie verloopt bijna").wait_for()
        anne.get_by_role("dialog", name="Uw sessie is verlopen").wait_for(timeout=10_000)
        anne.get_by_role("link", name="Opnieuw inloggen").click()
        anne.get_by_label("E-mail").fill(lid.email)
        anne.get_by_label("Wachtwoord").fill("Sterk-wachtwoord-2026")
        anne.get_by_label("Wachtwoord").press("Enter")
        anne.wait_for_url(live_server_url + topic.get_absolute_url())
    finally:
        context.close()
