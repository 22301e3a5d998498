"""Browser: the account pages pass axe-core, and the whole sign-up → TOTP journey works by keyboard."""

import re

import pytest
from django.core import mail

from tests.accounts.helpers import current_totp, wait_for_fresh_totp_window
from tests.conftest import make_verified_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Sterk-wachtwoord-2026"


def sign_in(page, base, email, password=PASSWORD):
    page.goto(base + "/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_label("Wachtwoord").press("Enter")  # submit by keyboard
    page.wait_for_load_state()


def confirm_password(page, password=PASSWORD):
    """Security settings ask for the password again (allauth reauthentication)."""
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("path", ["/account/login/", "/account/signup/", "/account/password/reset/"])
def test_entrance_pages_are_accessible(live_server_url, page, assert_accessible, path, home_page):
    page.goto(live_server_url + path)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("header.site-header").count() == 1  # the site's layout, not allauth's bare one
    assert_accessible(page)


def test_forms_with_errors_stay_accessible(live_server_url, page, assert_accessible, home_page):
    page.goto(live_server_url + "/account/signup/")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_accessible(page)


def test_member_pages_are_accessible(live_server_url, page, assert_accessible, home_page):
    make_verified_user("a11y@utrecht.nl")
    sign_in(page, live_server_url, "a11y@utrecht.nl")
    for path in [
        "/account/profiel/",
        "/account/profiel/bewerken/",
        "/account/email/",
        "/account/password/change/",
        "/account/2fa/",
        "/account/2fa/totp/activate/",
        "/account/mijn-gegevens/",
        "/account/verwijderen/",
    ]:
        page.goto(live_server_url + path)
        if "/reauthenticate/" in page.url:
            assert_accessible(page)
            confirm_password(page)
        assert page.url.endswith(path), page.url
        assert_accessible(page)


def test_sign_up_verify_sign_in_set_up_totp_and_sign_in_with_a_code(
    live_server_url, page, assert_accessible, home_page
):
    base = live_server_url
    page.goto(base + "/")
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("E-mail").fill("r.mulder@utrecht.nl")
    page.get_by_label("Naam").fill("Rik Mulder")
    page.get_by_label("Functie").fill("Accountmanager vastgoed")
    page.get_by_label("Wachtwoord", exact=False).first.fill("Herbestemming-2026!")
    page.get_by_label("Wachtwoord (bevestigen)").fill("Herbestemming-2026!")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/account/confirm-email/")

    # The verification link arrives by e-mail (locmem backend, same process as the server).
    message = next(m for m in mail.outbox if m.to == ["r.mulder@utrecht.nl"])
    link = re.search(r"http://\S+/account/confirm-email/\S+", message.body).group(0)
    page.goto(base + link[link.index("/account/") :])
    page.get_by_role("button", name="Bevestig", exact=True).click()
    page.wait_for_load_state()
    # Confirming in the browser that signed up signs the person in: no login page in between.
    assert page.get_by_role("link", name="Mijn account").is_visible()

    page.goto(base + "/account/2fa/totp/activate/")
    page.wait_for_url("**/account/reauthenticate/**")
    confirm_password(page, "Herbestemming-2026!")
    page.wait_for_url("**/account/2fa/totp/activate/")
    secret_field = page.locator("#authenticator_secret")
    secret = secret_field.input_value()
    # Read-only, not disabled: reachable by Tab and selectable to copy.
    assert secret_field.get_attribute("readonly") is not None and secret_field.is_enabled()
    for _ in range(30):  # reached by Tab, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "authenticator_secret":
            break
    else:
        raise AssertionError("the secret is not reachable by Tab")
    page.keyboard.press("Control+A")
    assert page.evaluate("() => document.activeElement.selectionEnd - document.activeElement.selectionStart") == len(
        secret
    )
    assert page.get_by_role("img", name=re.compile("QR-code")).is_visible()
    wait_for_fresh_totp_window()
    page.get_by_label("Authenticator code").fill(current_totp(secret))
    page.get_by_label("Authenticator code").press("Enter")
    page.wait_for_load_state()
    assert "/account/2fa/" in page.url
    assert_accessible(page)  # the recovery codes page

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Inloggen").is_visible()

    sign_in(page, base, "r.mulder@utrecht.nl", "Herbestemming-2026!")
    page.wait_for_url("**/account/2fa/authenticate/")
    assert_accessible(page)
    wait_for_fresh_totp_window()
    page.get_by_label("Code").fill(current_totp(secret))
    page.get_by_label("Code").press("Enter")
    page.wait_for_load_state()
    page.goto(base + "/account/profiel/")
    assert page.locator("h1").inner_text() == "Mijn account"
    assert "Rik Mulder" in page.locator("main").inner_text()
    assert "ingeschakeld" in page.locator("main").inner_text()
