"""Characters PostgreSQL refuses never reach a query, and overlong input is not echoed back whole."""

import pytest

from tests.kennisbank.conftest import kb, reference_data  # noqa: F401  (the kennisbank tree: voorbeelden with filters)
from tests.themagroepen_discussies.conftest import beheerder, client_for, groep, lid, topic  # noqa: F401
from themagroepen.discussies.models import Reply

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.mark.parametrize(
    "url",
    [
        "/voorbeelden/?provincie=%00",
        "/voorbeelden/?thema=erfgoed%00",
        "/voorbeelden/?instrument=%00&pagina=2",
        "/voorbeelden/?%00=x",
        "/zoeken/?q=leegstand%00",
        "/zoeken/?gemeente=%00",
        "/publicaties/?soort=%00",
    ],
)
def test_a_nul_byte_in_any_query_parameter_is_a_dutch_400_not_a_500(client, kb, url):  # noqa: F811
    response = client.get(url)
    assert response.status_code == 400
    assert "Ongeldige invoer" in response.content.decode()


def test_an_encoded_lone_surrogate_reads_as_an_ordinary_filter(client, kb):  # noqa: F811
    # Django decodes it as U+FFFD, which PostgreSQL accepts: simply no match.
    response = client.get("/voorbeelden/?provincie=%ED%A0%80")
    assert response.status_code == 200


def test_a_nul_byte_in_a_form_field_is_refused_and_nothing_is_stored(groep, lid, topic):  # noqa: F811
    response = client_for(lid).post(
        f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/", {"body": "Zie\x00 hier", "plaatsen": ""}
    )
    assert response.status_code == 400
    assert "Ongeldige invoer" in response.content.decode()
    assert not Reply.objects.exists()


def test_overlong_search_and_filter_values_are_not_echoed_whole(client, kb):  # noqa: F811
    long_query = "leegstand " * 600
    search = client.get("/zoeken/", {"q": long_query}).content.decode()
    assert long_query.strip() not in search
    assert "leegstand " * 25 not in search  # the search box keeps at most 200 characters

    filtered = client.get("/voorbeelden/", {"provincie": "x" * 6000})
    assert filtered.status_code == 200
    assert "x" * 501 not in filtered.content.decode()


def test_a_form_error_does_not_repeat_an_overlong_value(client):
    response = client.post(
        "/account/signup/",
        {
            "email": "nieuw@utrecht.nl",
            "name": "Nieuw Lid",
            "organisation": "x" * 6000,
            "password1": "Leegstand-2026-ok",
            "password2": "Leegstand-2026-ok",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies een organisatie uit de lijst." in page
    assert "x" * 501 not in page
