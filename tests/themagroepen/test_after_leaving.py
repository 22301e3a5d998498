"""Old links after leaving a group: the page says it is for members and how to join again; for a
verborgen group they stay an ordinary 404, and nothing of the content shows either way."""

import pytest

from tests.bijeenkomsten.conftest import make_bijeenkomst, only_occurrence
from tests.conftest import make_verified_user
from tests.themagroepen.conftest import make_group
from themagroepen import services as membership_services
from themagroepen.discussies import services as discussions
from themagroepen.models import Membership, Role, Visibility

pytestmark = pytest.mark.django_db

TOPIC_TITLE = "Antikraak in het oude stadskantoor"


def _former_member(themagroep):
    """A member who saved links to a topic and a meeting, then left the group."""
    user = make_verified_user("oudlid@gemeente-zeist.example")
    Membership.objects.create(themagroep=themagroep, user=user, role=Role.LID)
    topic = discussions.create_topic(themagroep, user, TOPIC_TITLE, "Wie heeft ervaring hiermee?")
    occurrence = only_occurrence(make_bijeenkomst(themagroep, title="Besloten werksessie"))
    membership_services.leave(themagroep, user)
    return user, [topic.get_absolute_url(), occurrence.get_absolute_url(), f"/themagroepen/{themagroep.slug}/leden/"]


@pytest.mark.parametrize(
    ("visibility", "way_in"), [(Visibility.BESLOTEN, "Lidmaatschap aanvragen"), (Visibility.OPEN, "Word lid")]
)
def test_old_links_of_a_known_group_explain_and_offer_to_join(client, visibility, way_in):
    themagroep = make_group("Leegstand en herbestemmen", visibility=visibility)
    user, links = _former_member(themagroep)
    client.force_login(user)
    for link in links:
        response = client.get(link)
        page = response.content.decode()
        assert response.status_code == 403, link
        assert "Deze pagina is alleen voor leden" in page and "Leegstand en herbestemmen" in page
        assert way_in in page
        assert TOPIC_TITLE not in page and "Besloten werksessie" not in page


def test_old_links_of_a_verborgen_group_stay_an_ordinary_404(client):
    themagroep = make_group("Vertrouwelijk overleg", visibility=Visibility.VERBORGEN)
    user, links = _former_member(themagroep)
    client.force_login(user)
    for link in links:
        response = client.get(link)
        assert response.status_code == 404, link
        assert "Vertrouwelijk overleg" not in response.content.decode()


def test_members_get_a_plain_404_for_what_does_not_exist(client):
    themagroep = make_group("Leegstand en herbestemmen")
    member = make_verified_user("lid@gemeente-ede.example")
    Membership.objects.create(themagroep=themagroep, user=member, role=Role.LID)
    client.force_login(member)
    assert client.get(f"/themagroepen/{themagroep.slug}/bijeenkomsten/999999/").status_code == 404
    assert (
        "alleen voor leden" not in client.get(f"/themagroepen/{themagroep.slug}/discussies/999999-x/").content.decode()
    )
