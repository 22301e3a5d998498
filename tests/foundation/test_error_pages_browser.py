"""In Chromium: the 500 page passes axe and reflows at 320 px (16.10)."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

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
