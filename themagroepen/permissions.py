"""Shortcuts for group questions; the answers come from kennisplatform.access (held keys).

"Is a verified member of this group" is ``access.is_member(user, themagroep)``; these ask what
a person may read or manage, which site admins may too.
"""

from kennisplatform import access


def can_read_content(user, themagroep) -> bool:
    """Discussions, member lists, details: verified members and site admins."""
    return access.keys_overlap(themagroep.content_keys(), access.held_keys(user))


def can_manage(user, themagroep) -> bool:
    """Beheerders of this group and site admins: requests, invitations, members, roles."""
    return access.is_beheerder(user, themagroep)
