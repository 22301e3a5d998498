"""Small account services other apps may call (names, organisation checks, staff roles)."""

from __future__ import annotations

from django.contrib.auth.models import Group

from accounts.models import Organisation, OrganisationDomain, Profile

# What other apps show instead of the author of a deleted account.
deleted_member_display_name = "Verwijderd lid"

EDITOR_GROUPS = ("Redacteuren", "Eindredacteuren")


def get_profile(user) -> Profile:
    profile = getattr(user, "_accounts_profile", None)
    if profile is None:
        profile, _created = Profile.objects.get_or_create(user=user)
        user._accounts_profile = profile
    return profile


def display_name(user) -> str:
    """How a member is shown next to their posts: profile name, else the e-mail's local part."""
    if user is None:
        return deleted_member_display_name
    profile = Profile.objects.filter(user=user).only("name", "deleted_at").first()
    if profile and profile.deleted_at:
        return deleted_member_display_name
    if profile and profile.name:
        return profile.name
    return (user.get_full_name() or user.email.split("@")[0] or user.get_username()).strip()


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def suggest_organisation(email: str) -> Organisation | None:
    """The organisation whose known domain matches the address (subdomains included)."""
    domain = email_domain(email)
    if not domain:
        return None
    # "gemeente.utrecht.nl" also matches "utrecht.nl": try the longest suffix first.
    parts = domain.split(".")
    candidates = [".".join(parts[i:]) for i in range(len(parts) - 1)]
    found = {
        d.domain: d.organisation
        for d in OrganisationDomain.objects.filter(domain__in=candidates).select_related("organisation")
    }
    for candidate in candidates:
        if candidate in found:
            return found[candidate]
    return None


def email_matches_organisation(user) -> bool:
    """True when the member's e-mail domain is a known domain of their stated organisation.

    Shown to moderators in member lists: a mismatch is not an error, only a reason to look.
    """
    profile = Profile.objects.filter(user=user).select_related("organisation").first()
    if profile is None or profile.organisation_id is None or not user.email:
        return False
    suggested = suggest_organisation(user.email)
    return suggested is not None and suggested.pk == profile.organisation_id


def staff_roles(user) -> list[str]:
    """Roles that make an account a target worth protecting with MFA."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = []
    if user.is_superuser or user.is_staff:
        roles.append("beheerder van de site")
    if Group.objects.filter(user=user, name__in=EDITOR_GROUPS).exists():
        roles.append("redacteur")
    from themagroepen.models import Membership, Role

    if Membership.objects.filter(user=user, role=Role.BEHEERDER).exists():
        roles.append("beheerder van een themagroep")
    return roles


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
