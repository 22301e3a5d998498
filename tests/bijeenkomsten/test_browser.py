"""In the browser: accessible event page, registration form and month view; the waiting list at work."""

import pytest
from django.test import Client

from tests.bijeenkomsten.conftest import amsterdam, make_bijeenkomst, make_group, make_member, only_occurrence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(chromium, live_server_url, user):
    """A fresh browser for ``user``, signed in through a real session cookie."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}])
    return context, context.new_page()


@pytest.fixture
def meeting(db):
    themagroep = make_group()
    beheerder = make_member(themagroep, "beheerder@vng.example", role="beheerder")
    bijeenkomst = make_bijeenkomst(
        themagroep,
        title="Themabijeenkomst: van leeg kantoor naar woningen",
        description="Een middag over **transformatie**, met een rondleiding.",
        start=amsterdam(2030, 2, 11, 13, 30),
        end=amsterdam(2030, 2, 11, 17),
        capacity=1,
        organiser=beheerder,
        visibility="openbaar",
    )
    return only_occurrence(bijeenkomst)


def test_event_page_registration_form_and_month_view_have_no_axe_violations(
    meeting, live_server_url, chromium, page, assert_accessible
):
    member = make_member(meeting.bijeenkomst.themagroep, "lid@utrecht.example")

    # A public visitor: the announcement and the month view.
    page.goto(live_server_url + meeting.get_absolute_url())
    assert page.locator("h1").inner_text() == "Themabijeenkomst: van leeg kantoor naar woningen"
    assert_accessible(page)
    page.goto(live_server_url + "/agenda/?maand=2030-02")
    page.get_by_role("link", name="13.30 Themabijeenkomst: van leeg kantoor naar woningen").wait_for()
    assert_accessible(page)

    context, member_page = signed_in_page(chromium, live_server_url, member)
    try:
        member_page.goto(live_server_url + meeting.get_absolute_url())
        assert_accessible(member_page)
        member_page.get_by_role("link", name="Inschrijven").click()
        member_page.get_by_label("Opmerking").wait_for()
        assert_accessible(member_page)
        # Submitting empty fields is fine; the confirmation page must also pass.
        member_page.get_by_role("button", name="Inschrijven").click()
        member_page.get_by_text("U bent ingeschreven voor deze bijeenkomst.").wait_for()
        assert "Stadsplateau 1" in member_page.content()
        assert_accessible(member_page)
    finally:
        context.close()


def test_waiting_list_fills_and_a_cancellation_promotes_the_next(meeting, live_server_url, chromium):
    from themagroepen.notificaties.models import Notification

    themagroep = meeting.bijeenkomst.themagroep
    first = make_member(themagroep, "eerste@gemeente.example")
    second = make_member(themagroep, "tweede@gemeente.example")
    first_context, first_page = signed_in_page(chromium, live_server_url, first)
    second_context, second_page = signed_in_page(chromium, live_server_url, second)
    try:
        first_page.goto(live_server_url + meeting.get_absolute_url())
        first_page.get_by_role("link", name="Inschrijven").click()
        first_page.get_by_label("Opmerking").fill("Ik kom met de trein")
        first_page.get_by_role("button", name="Inschrijven").click()
        first_page.get_by_text("U bent ingeschreven voor deze bijeenkomst.").wait_for()

        second_page.goto(live_server_url + meeting.get_absolute_url())
        assert "1 van 1 bezet" in second_page.content()
        second_page.get_by_role("link", name="Op de wachtlijst").click()
        second_page.get_by_text("Deze bijeenkomst is vol.").wait_for()
        second_page.get_by_role("button", name="Op de wachtlijst").click()
        second_page.get_by_text("U staat op de wachtlijst (plaats 1)").wait_for()
        assert "Stadsplateau 1" not in second_page.content()  # no address while waiting

        first_page.get_by_role("button", name="Uitschrijven").click()
        first_page.get_by_text("U bent uitgeschreven.").wait_for()

        second_page.reload()
        second_page.get_by_text("U bent ingeschreven voor deze bijeenkomst.").wait_for()
        assert "Stadsplateau 1" in second_page.content()
        assert Notification.objects.filter(recipient=second, kind="waitlist_promoted").count() == 1
    finally:
        first_context.close()
        second_context.close()


def test_registering_by_keyboard_announces_it_in_main_and_mails_an_invitation_for_the_calendar(
    meeting, live_server_url, chromium
):
    from django.core import mail
    from icalendar import Calendar

    from tests.themagroepen_discussies.test_form_errors_journey import tab_to

    member = make_member(meeting.bijeenkomst.themagroep, "toetsenbord@utrecht.example")
    context, page = signed_in_page(chromium, live_server_url, member)
    try:
        page.goto(live_server_url + meeting.get_absolute_url())
        # Signing up for a bijeenkomst is "Inschrijven"; "aanmelden" would be confused with signing in.
        assert "aanmeld" not in page.content().lower()
        tab_to(page, "Inschrijven")
        page.keyboard.press("Enter")
        page.get_by_label("Opmerking").wait_for()
        assert "aanmeld" not in page.content().lower()
        page.keyboard.press("Tab")  # into the form: the remark, then the button
        tab_to(page, "Inschrijven")
        page.keyboard.press("Enter")
        page.wait_for_url(live_server_url + meeting.get_absolute_url())

        status = page.locator("main [data-messages][role=status]")
        assert status.inner_text().strip() == "U bent ingeschreven. U ontvangt de dag van tevoren een herinnering."
        assert page.evaluate("() => document.activeElement.hasAttribute('data-messages')")

        (message,) = [m for m in mail.outbox if m.to == [member.email]]
        (ics,) = [a for a in message.attachments if a[0].endswith(".ics")]
        calendar = Calendar.from_ical(ics[1])
        assert str(calendar["METHOD"]) == "REQUEST"
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == meeting.uid
        assert str(event["SUMMARY"]) == "Themabijeenkomst: van leeg kantoor naar woningen"
    finally:
        context.close()
