"""Invitations: a signed, expiring accept link; many addresses at once; resend and revoke."""

import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.conftest import make_verified_user
from themagroepen import services
from themagroepen.models import Invitation, InvitationState, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "Herbestemming-2026!"


def accept_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/themagroepen/uitnodiging/[^\s]+/)", message.body).group(1)


def invite_by_post(client, groep, moderator, capture, **data):
    client.force_login(moderator)
    with capture(execute=True):
        return client.post(reverse("themagroepen:invite", args=[groep.slug]), data)


def test_many_addresses_at_once_with_a_result_per_address(
    client, groep, moderator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    services.invite(groep, "al@gemeente.example", by=moderator)
    pasted = f"nieuw@gemeente.example, {lid.email}\nal@gemeente.example; geen-adres\nNieuw@gemeente.example"
    response = invite_by_post(client, groep, moderator, django_capture_on_commit_callbacks, addresses=pasted)
    html = response.content.decode()
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
    assert rows == [
        ("nieuw@gemeente.example", "uitgenodigd"),
        (lid.email, "al lid"),
        ("al@gemeente.example", "al uitgenodigd"),
        ("geen-adres", "geen geldig e-mailadres"),
    ]
    assert [m.to for m in mailoutbox] == [["nieuw@gemeente.example"]]


def test_a_csv_file_invites_every_address_in_it(client, groep, moderator, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = b"naam;e-mail\nAnne;anne@arnhem.example\nBram;bram@ede.example\n"
    upload = SimpleUploadedFile("leden.csv", csv, content_type="text/csv")
    invite_by_post(client, groep, moderator, django_capture_on_commit_callbacks, csv_file=upload)
    assert set(Invitation.objects.values_list("email", flat=True)) == {"anne@arnhem.example", "bram@ede.example"}


def test_accept_link_leads_a_newcomer_through_sign_up_with_the_address_fixed_into_the_group(
    client, groep, moderator, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(groep, "nieuwkomer@arnhem.example", by=moderator)
    link = accept_path(mailoutbox[0])

    response = client.get(link)
    assert response.status_code == 302 and response.url.startswith(reverse("account_signup"))
    signup = client.get(response.url).content.decode()
    assert re.search(r'<input[^>]*name="email"[^>]*value="nieuwkomer@arnhem.example"[^>]*readonly', signup)

    other = {"email": "ander@arnhem.example", "name": "Nina", "password1": PASSWORD, "password2": PASSWORD}
    refused = client.post(response.url, other).content.decode()
    assert "Gebruik het e-mailadres waarop u bent uitgenodigd: nieuwkomer@arnhem.example." in refused

    with django_capture_on_commit_callbacks(execute=True):
        signed_up = client.post(response.url, {**other, "email": "nieuwkomer@arnhem.example"})
    assert signed_up.status_code == 302 and signed_up.url == link  # signed in: the link proved the address
    assert client.post(link).url == groep.get_absolute_url()
    assert Membership.objects.filter(themagroep=groep, user__email="nieuwkomer@arnhem.example").exists()


def test_accept_link_sends_someone_with_an_account_to_login_first(client, groep, moderator, mailoutbox):
    make_verified_user("bestaand@ede.example")
    invitation = services.invite(groep, "bestaand@ede.example", by=moderator)
    link = reverse("themagroepen:accept_invitation", args=[services.invitation_token(invitation)])
    response = client.get(link)
    assert response.url == f"{reverse('account_login')}?{urlencode({'next': link})}"


def test_a_link_stops_working_when_expired_forged_or_revoked(client, groep, moderator):
    invitation = services.invite(groep, "x@ede.example", by=moderator)
    token = services.invitation_token(invitation)
    url = reverse("themagroepen:accept_invitation", args=[token])
    assert client.get(url).status_code == 302
    assert client.get(url[:-3] + "xx/").status_code == 404  # forged
    with pytest.MonkeyPatch.context() as patch:  # as if the 14 days had passed
        patch.setattr(services, "INVITATION_MAX_AGE", timedelta(seconds=-1))
        assert client.get(url).status_code == 404
    services.revoke_invitation(invitation, by=moderator)
    page = client.get(url)
    assert page.status_code == 404 and "niet (meer) geldig" in page.content.decode()


def test_resend_mails_a_fresh_link_and_revoke_ends_it(
    client, groep, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(groep, "later@ede.example", by=moderator)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themagroepen:resend_invitation", args=[groep.slug, invitation.pk]))
    assert [m.to for m in mailoutbox] == [["later@ede.example"], ["later@ede.example"]]
    client.post(reverse("themagroepen:revoke_invitation", args=[groep.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.REVOKED
    client.logout()
    assert client.get(accept_path(mailoutbox[1])).status_code == 404
