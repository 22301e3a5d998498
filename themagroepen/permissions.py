"""Shortcuts for membership questions; the answers come from kennisplatform.access (held keys)."""

from kennisplatform import access


def is_member(user, themagroep) -> bool:
    """A full member (lid or beheerder) with a verified account, or a site admin."""
    return access.keys_overlap(themagroep.content_keys(), access.held_keys(user))


def can_manage(user, themagroep) -> bool:
    """Beheerders of this group and site admins: requests, invitations, members, roles."""
    return access.is_beheerder(user, themagroep)
