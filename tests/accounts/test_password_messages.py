"""Every password validator answers a sign-up in Dutch (16.10)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.accounts.test_signup_login import signup

pytestmark = pytest.mark.django_db

# (validator, a password that only it refuses, its Dutch message)
CASES = [
    ("UserAttributeSimilarityValidator", "leegstandsbeleid", "Het wachtwoord lijkt te veel op uw e-mailadres."),
    ("MinimumLengthValidator", "Kort-wacht1", "Dit wachtwoord is te kort. Het moet minstens 12 tekens bevatten."),
    ("CommonPasswordValidator", "password1234", "Dit wachtwoord is te algemeen."),
    ("NumericPasswordValidator", "804512937165", "Dit wachtwoord bevat alleen cijfers."),
]


def test_the_cases_cover_every_configured_validator():
    configured = {validator["NAME"].rsplit(".", 1)[1] for validator in settings.AUTH_PASSWORD_VALIDATORS}
    assert configured == {name for name, _, _ in CASES}


@pytest.mark.parametrize(("validator", "password", "message"), CASES, ids=[case[0] for case in CASES])
def test_a_refused_password_is_explained_in_dutch(client, validator, password, message):
    response = signup(client, "leegstandsbeleid@utrecht.nl", password1=password, password2=password)

    assert response.status_code == 200
    errors = [
        item.get_text(" ", strip=True)
        for item in BeautifulSoup(response.content, "html.parser").select(".errorlist li")
    ]
    assert message in errors, errors
