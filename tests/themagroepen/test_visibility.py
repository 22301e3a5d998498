"""Who sees which group, and what the group page shows to whom."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.themagroepen.conftest import make_group
from themagroepen import services
from themagroepen.models import Membership, Role, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def verborgen(moderator):
    group = make_group("Geheime werkgroep", visibility=Visibility.VERBORGEN)
    Membership.objects.create(themagroep=group, user=moderator, role=Role.BEHEERDER)
    return group


def test_list_shows_visible_groups_with_membership_state(client, groep, moderator, lid, buitenstaander, verborgen):
    open_group = make_group("Kantorentransformatie", visibility=Visibility.OPEN)
    services.request_to_join(groep, buitenstaander, "Graag")
    client.force_login(buitenstaander)
    page = client.get(reverse("themagroepen:list")).content.decode()
    assert "Leegstand en herbestemmen" in page and open_group.name in page
    assert "Geheime werkgroep" not in page
    assert "Verzoek in behandeling" in page

    client.force_login(lid)
    assert "U bent lid" in client.get(reverse("themagroepen:list")).content.decode()
    client.force_login(moderator)
    page = client.get(reverse("themagroepen:list")).content.decode()
    assert "U bent beheerder" in page and "Geheime werkgroep" in page


def test_anonymous_list_hides_verborgen(client, groep, verborgen):
    page = client.get(reverse("themagroepen:list")).content.decode()
    assert "Leegstand en herbestemmen" in page and "Geheime werkgroep" not in page


@pytest.mark.parametrize(
    "name",
    ["detail", "join", "leave", "members", "requests", "invite"],
)
def test_verborgen_group_is_404_everywhere_for_non_members(client, verborgen, buitenstaander, name):
    client.force_login(buitenstaander)
    assert client.get(reverse(f"themagroepen:{name}", args=[verborgen.slug])).status_code == 404
    assert client.post(reverse(f"themagroepen:{name}", args=[verborgen.slug])).status_code == 404


def test_verborgen_group_is_404_for_anonymous(client, verborgen):
    assert client.get(verborgen.get_absolute_url()).status_code == 404


def test_group_page_shows_introduction_to_all_and_sections_to_members(client, groep, moderator, lid, buitenstaander):
    client.get(groep.get_absolute_url())
    anonymous = client.get(groep.get_absolute_url()).content.decode()
    assert "Welkom bij <strong>Leegstand en herbestemmen</strong>" in anonymous
    assert 'id="leden-titel"' not in anonymous
    assert "inloggen</a> kunt u lid worden" in anonymous

    client.force_login(buitenstaander)
    outsider = client.get(groep.get_absolute_url()).content.decode()
    assert "Welkom bij" in outsider and 'id="leden-titel"' not in outsider
    assert "Lidmaatschap aanvragen" in outsider

    client.force_login(lid)
    member = client.get(groep.get_absolute_url()).content.decode()
    assert 'id="leden-titel"' in member and "Groep verlaten" in member
    assert 'id="beheer-titel"' not in member

    client.force_login(moderator)
    assert 'id="beheer-titel"' in client.get(groep.get_absolute_url()).content.decode()


class _ExecutableFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("src"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


def test_introduction_markdown_is_sanitised(client):
    group = make_group(
        "Veilig",
        visibility=Visibility.OPEN,
        introduction='<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="alert(1)">',
    )
    finder = _ExecutableFinder()
    finder.feed(client.get(group.get_absolute_url()).content.decode())
    assert finder.found == []


def test_site_admin_creates_a_group_in_the_cms(client, site_admin):
    from themagroepen.models import Themagroep

    client.force_login(site_admin)
    response = client.post(
        "/cms/groepen/new/",
        {
            "name": "Gebiedsgericht werken",
            "slug": "gebiedsgericht-werken",
            "description": "Samen met bewoners en ondernemers aan een gebied werken.",
            "introduction": "Over **gebiedsgericht** werken.",
            "visibility": "open",
        },
    )
    assert response.status_code == 302
    group = Themagroep.objects.get(slug="gebiedsgericht-werken")
    assert group.auth_group is not None
    assert "<strong>gebiedsgericht</strong>" in group.introduction_html


def test_reserved_slug_is_refused(client, site_admin):
    from themagroepen.models import Themagroep

    client.force_login(site_admin)
    response = client.post(
        "/cms/groepen/new/",
        {"name": "Inlogcode", "slug": "inlogcode", "description": "x", "introduction": "", "visibility": "open"},
    )
    assert response.status_code == 200
    assert not Themagroep.objects.filter(slug="inlogcode").exists()


def test_list_and_group_page_queries_do_not_grow_with_groups(client, lid, django_assert_max_num_queries):
    for number in range(25):
        group = make_group(f"Groep {number}", visibility=Visibility.OPEN if number % 2 else Visibility.BESLOTEN)
        Membership.objects.create(themagroep=group, user=lid)
    client.force_login(lid)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("themagroepen:list"))
    assert response.content.decode().count("U bent lid") == Membership.objects.filter(user=lid).count() == 26
