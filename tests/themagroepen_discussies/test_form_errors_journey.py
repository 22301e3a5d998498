"""Keyboard only: a failed reply puts focus on the error summary, its link leads into the field."""

import pytest

from tests.themagroepen_discussies.test_live_journey import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, accessible_name, limit=60):
    """Press Tab until the focused element has this text (or label); fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim(); }"
        )
        if active.startswith(accessible_name):
            return
    raise AssertionError(f"never reached {accessible_name!r} by Tab")


def active_id(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.className")


def test_failed_reply_focuses_the_summary_and_its_link_leads_to_the_field(
    groep, lid, topic, chromium, live_server_url, assert_accessible
):
    context, page = signed_in_page(chromium, live_server_url, lid)
    try:
        page.goto(live_server_url + topic.get_absolute_url())
        tab_to(page, "Reactie plaatsen")
        page.keyboard.press("Enter")
        page.wait_for_selector("[data-error-summary]")
        assert active_id(page) == "error-summary"
        summary = page.locator("[data-error-summary]")
        assert "Uw reactie" in summary.inner_text()
        body = page.locator("#id_body")
        assert body.get_attribute("aria-invalid") == "true"
        for ref in body.get_attribute("aria-describedby").split():
            assert page.locator(f"#{ref}").count() == 1, ref
        assert_accessible(page)

        page.keyboard.press("Tab")  # the first link in the summary
        page.keyboard.press("Enter")
        assert active_id(page) == "id_body"
        page.keyboard.type("Met het toetsenbord geschreven.")
        tab_to(page, "Reactie plaatsen")
        page.keyboard.press("Enter")
        page.wait_for_url("**#reactie-*")
        assert page.locator("#reacties .post__body").last.inner_text() == "Met het toetsenbord geschreven."
    finally:
        context.close()
