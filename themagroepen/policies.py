"""What themagroepen tells the access module: the read policy of a group, and who is a member.

Access builds the key strings; this module only answers from the membership tables.
"""

from kennisplatform import access
from themagroepen.models import Membership, Role, Themagroep


def _memberships_of(user_ids):
    rows = Membership.objects.filter(user_id__in=user_ids).values_list("user_id", "themagroep_id", "role")
    return ((user_id, gid, role == Role.BEHEERDER) for user_id, gid, role in rows)


def _all_groups():
    return Themagroep.objects.values_list("id", flat=True)


def _groups_for_auth_groups(auth_group_ids):
    return Themagroep.objects.filter(auth_group_id__in=list(auth_group_ids)).values_list("auth_group_id", "id")


def register() -> None:
    access.register(Themagroep)
    access.register_memberships(
        access.Memberships(of_users=_memberships_of, all_groups=_all_groups, for_auth_groups=_groups_for_auth_groups)
    )
