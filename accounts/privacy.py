"""AVG/GDPR: export everything about a member, and delete (anonymise) their account.

Protocol for other apps
-----------------------
Each installed app may offer a module ``<app>/privacy.py`` with two functions::

    def export_user_data(user) -> dict:
        '''Everything this app holds about ``user``, as JSON-serialisable data.'''

    def anonymise_user(user) -> None:
        '''Called once when the member deletes their account, before the user row is
        anonymised. Remove personal data the app keeps (preferences, drafts, tokens, …).
        Content others rely on (discussion posts) stays: it keeps pointing at the same user
        row, which from then on is shown as ``accounts.services.deleted_member_display_name``
        ("Verwijderd lid").'''

Both are optional. Modules are found by app (``apps.get_app_configs()``), so a new app joins by
adding the file; ``accounts`` itself is exported first under the key ``account``.
The user row is kept on purpose: foreign keys from content (even ``on_delete=CASCADE``) stay
valid, so nothing breaks and threads stay whole.
"""

from __future__ import annotations

import uuid
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from accounts.services import deleted_member_display_name, get_profile


def privacy_modules() -> list[tuple[str, object]]:
    """(app label, module) for every app that offers a privacy module, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if config.name == "accounts":
            continue
        name = f"{config.name}.privacy"
        try:
            spec = find_spec(name)
        except ModuleNotFoundError:
            spec = None
        if spec is not None:
            found.append((config.label, import_module(name)))
    return found


def export_user_data(user) -> dict:
    """Everything the platform holds about the member, as one JSON-ready document."""
    data = {
        "toelichting": "Alle gegevens die het Kennisplatform Leegstand over u bewaart.",
        "aangemaakt_op": timezone.now().isoformat(),
        "account": _account_data(user),
    }
    for label, module in privacy_modules():
        exporter = getattr(module, "export_user_data", None)
        if exporter is not None:
            data[label] = exporter(user)
    return data


def _account_data(user) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    from themagroepen.models import Membership

    profile = get_profile(user)
    organisation = profile.organisation
    return {
        "gebruikersnaam": user.get_username(),
        "e_mail": user.email,
        "aangemeld_sinds": user.date_joined.isoformat(),
        "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
        "profiel": {
            "naam": profile.name,
            "functie": profile.functie,
            "gebruikersnaam_voor_vermeldingen": profile.handle,
            "organisatie": organisation.name if organisation else None,
            "soort_organisatie": organisation.get_kind_display() if organisation else None,
        },
        "e_mailadressen": [
            {"adres": address.email, "geverifieerd": address.verified, "primair": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "tweestapsverificatie": [
            {"soort": authenticator.type, "aangemaakt_op": authenticator.created_at.isoformat()}
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "gekoppelde_accounts": [
            {"aanbieder": account.provider, "id": account.uid} for account in SocialAccount.objects.filter(user=user)
        ],
        "rollen": sorted(user.groups.values_list("name", flat=True)),
        "lidmaatschappen": [
            {
                "themagroep": membership.themagroep.name,
                "rol": membership.get_role_display(),
                "lid_sinds": membership.joined_at.isoformat(),
            }
            for membership in Membership.objects.filter(user=user)
            .select_related("themagroep")
            .order_by("themagroep__name")
        ],
    }


@transaction.atomic
def delete_account(user) -> None:
    """Remove the member's personal data; their posts stay, shown as "Verwijderd lid"."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.sessions.models import Session

    from themagroepen.models import Membership

    for _label, module in privacy_modules():
        anonymiser = getattr(module, "anonymise_user", None)
        if anonymiser is not None:
            anonymiser(user)

    Membership.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _delete_sessions_of(user, Session)

    profile = get_profile(user)
    profile.name = ""
    profile.functie = ""
    profile.handle = None
    profile.organisation = None
    profile.deleted_at = timezone.now()
    profile.save()

    # The row stays for the foreign keys of posts; nothing in it identifies the person.
    first, _space, last = deleted_member_display_name.partition(" ")
    user.username = f"verwijderd-{uuid.uuid4().hex[:12]}"
    user.email = ""
    user.first_name = first
    user.last_name = last
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _delete_sessions_of(user, session_model) -> None:
    """Sign the member out everywhere (database sessions carry the user id in their data)."""
    from django.contrib.sessions.backends.db import SessionStore

    for session in session_model.objects.filter(expire_date__gt=timezone.now()).iterator():
        if SessionStore().decode(session.session_data).get("_auth_user_id") == str(user.pk):
            session.delete()
