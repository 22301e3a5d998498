"""In Chromium: the information pages and the 500 page pass axe and reflow at 320 px (16.8, 16.10)."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from kennisplatform.context_processors import FOOTER_NAVIGATION
from kennisplatform.demo import ensure_informatie_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_500_page_passes_axe_and_fits_a_small_screen(live_server_url, page, assert_accessible):
    body = server_error(RequestFactory().get("/")).content.decode()
    # Served at an address of the live server, so its stylesheet loads as it would in production.
    page.route(live_server_url + "/fout/", lambda route: route.fulfill(status=500, body=body, content_type="text/html"))
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(live_server_url + "/fout/")

    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(0, 72, 122)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_the_information_pages_pass_axe_and_are_reached_from_the_footer(
    home_page, live_server_url, page, assert_accessible
):
    ensure_informatie_pages(home_page)
    page.goto(live_server_url + "/")
    for label, path in FOOTER_NAVIGATION:
        page.get_by_role("contentinfo").get_by_role("link", name=label).click()
        page.wait_for_url(f"**{path}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
