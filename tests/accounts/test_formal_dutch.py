"""The interface addresses people formally ("u"), also where the text comes from django-allauth.

allauth's own Dutch catalogue says "je/jij/jouw"; ``locale/nl/LC_MESSAGES/django.po`` (compiled
to ``django.mo``, which is committed) overrides every such entry, and LOCALE_PATHS take
precedence over the catalogues of installed apps.
"""

import gettext as gnu_gettext
import re
from pathlib import Path

import allauth
import pytest
from django.utils import translation

from accounts import services
from tests.conftest import make_verified_user

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
PASSWORD = "Sterk-wachtwoord-2026"
ALLAUTH_NL_MO = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.mo"


def test_signing_in_greets_the_member_formally(client, home_page):
    user = make_verified_user("formeel@utrecht.nl", password=PASSWORD)
    profile = services.get_profile(user)
    profile.name = "Jan de Vries"
    profile.save()

    response = client.post("/account/login/", {"login": "formeel@utrecht.nl", "password": PASSWORD}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[-1][0] == "/"
    shown = [str(message) for message in response.context["messages"]]
    assert "U bent ingelogd als Jan de Vries." in shown
    assert "U bent ingelogd als Jan de Vries." in response.content.decode()
    assert not any(INFORMAL.search(message) for message in shown), shown


def test_a_wrong_password_is_reported_formally(client, db):
    make_verified_user("fout@utrecht.nl", password=PASSWORD)

    response = client.post("/account/login/", {"login": "fout@utrecht.nl", "password": "niet-het-wachtwoord"})

    assert response.status_code == 200
    assert "Het door u opgegeven e-mailadres en/of wachtwoord is niet correct." in response.content.decode()


@pytest.mark.parametrize(
    ("msgid", "params"),
    [
        ("Successfully signed in as %(name)s.", {"name": "Jan de Vries"}),  # account/messages/logged_in.txt
        ("You have signed out.", {}),  # account/messages/logged_out.txt
        ("Confirmation email sent to %(email)s.", {"email": "jan@utrecht.nl"}),  # email_confirmation_sent.txt
        ("The email address and/or password you specified are not correct.", {}),  # LoginForm error
        ("Password successfully changed.", {}),  # account/messages/password_changed.txt
        ("Your password has been changed.", {}),  # page after a password reset / notification mail
        ("Please type your current password.", {}),  # ChangePasswordForm error
        ("Are you sure you want to sign out?", {}),  # logout page
    ],
)
def test_messages_people_see_are_formal(msgid, params):
    with translation.override("nl"):
        text = translation.gettext(msgid) % params

    assert text != msgid % params, "not translated into Dutch at all"
    assert not INFORMAL.search(text), text


def _allauth_nl_catalogue():
    """Every key of allauth's compiled nl catalogue, as Python's gettext reads it."""
    with ALLAUTH_NL_MO.open("rb") as mo:
        catalogue = gnu_gettext.GNUTranslations(mo)._catalog
    return {key: value for key, value in catalogue.items() if key != ""}


def _translate(key):
    if isinstance(key, tuple):  # plural form: (msgid, index); Dutch uses index 0 for n == 1
        msgid, index = key
        return translation.ngettext(msgid, msgid, 1 if index == 0 else 2)
    if "\x04" in key:  # msgctxt EOT msgid
        context, msgid = key.split("\x04", 1)
        return translation.pgettext(context, msgid)
    return translation.gettext(key)


def test_no_allauth_message_addresses_people_informally():
    catalogue = _allauth_nl_catalogue()
    informal_in_allauth = [key for key, value in catalogue.items() if INFORMAL.search(value)]
    assert len(catalogue) > 300 and informal_in_allauth, "allauth's nl catalogue changed shape; revisit this test"

    with translation.override("nl"):
        offenders = {key: text for key in catalogue if INFORMAL.search(text := _translate(key))}

    assert not offenders, "informal Dutch left (add an override to locale/nl/LC_MESSAGES/django.po):\n" + "\n".join(
        f"{key!r}: {text!r}" for key, text in offenders.items()
    )


def test_signing_in_is_called_inloggen_never_aanmelden(client, db):
    """On this platform "aanmelden" would read as signing up for a bijeenkomst (that is
    "Inschrijven"); allauth's Dutch catalogue uses it for signing in, so the pages say "Inloggen"."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(make_verified_user("tweede-stap@utrecht.nl"), generate_totp_secret())
    login = client.get("/account/login/").content.decode()
    assert re.search(r"<title>\s*Inloggen", login) and re.search(r"<h1>\s*Inloggen\s*</h1>", login)
    assert re.search(r"<button[^>]*>\s*Inloggen\s*</button>", login)

    assert client.post("/account/login/", {"login": "tweede-stap@utrecht.nl", "password": PASSWORD}).status_code == 302
    second_step = client.get("/account/2fa/authenticate/").content.decode()
    assert re.search(r"<button[^>]*>\s*Inloggen\s*</button>", second_step)
    for page in (login, second_step):
        assert not re.search("aanmeld", page, re.IGNORECASE)
