import pytest

from accounts.models import Organisation, OrganisationDomain
from accounts.services import suggest_organisation
from tests.conftest import make_verified_user

pytestmark = pytest.mark.django_db


def test_site_admin_adds_a_known_domain_in_the_cms_and_it_drives_suggestions(client):
    admin = make_verified_user("admin@vng.nl", is_superuser=True, is_staff=True)
    client.force_login(admin)
    zwolle = Organisation.objects.get(name="Gemeente Zwolle")
    assert client.get("/cms/organisaties/").status_code == 200
    response = client.post("/cms/e-maildomeinen/new/", {"domain": "@Zwolle.nl ", "organisation": zwolle.pk})
    assert response.status_code == 302
    assert OrganisationDomain.objects.get(organisation=zwolle).domain == "zwolle.nl"
    assert suggest_organisation("p.smit@zwolle.nl") == zwolle


def test_ordinary_members_cannot_open_the_organisation_screens(client):
    client.force_login(make_verified_user("lid@utrecht.nl"))
    assert client.get("/cms/organisaties/").status_code in (302, 403)
