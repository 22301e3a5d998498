import io

import pytest
from django.contrib.auth import get_user_model

from accounts import demo
from kennisplatform.access import AUTHENTICATED, held_keys

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_verified_share_one_password_and_load_twice_without_change(client):
    out = io.StringIO()
    demo.load(out)
    assert demo.DEMO_PASSWORD in out.getvalue()
    users = get_user_model().objects.filter(email__endswith="@example.nl")
    snapshot = sorted(users.values_list("pk", "email", "password", "is_superuser", "first_name"))
    assert len(snapshot) == 6
    demo.load(io.StringIO())
    assert sorted(users.values_list("pk", "email", "password", "is_superuser", "first_name")) == snapshot

    beheerder = users.get(email="beheerder@example.nl")
    assert beheerder.is_superuser
    assert users.get(email="redacteur@example.nl").groups.filter(name="Redacteuren").exists()
    assert users.get(email="eindredacteur@example.nl").groups.filter(name="Eindredacteuren").exists()
    assert users.get(email="lid@example.nl").profile.organisation.name == "Gemeente Utrecht"
    assert users.get(email="moderator@example.nl").profile.organisation.name == "VNG"
    for user in users:
        assert AUTHENTICATED in held_keys(user)
    response = client.post("/account/login/", {"login": "buitenstaander@example.nl", "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
