"""Who may see and do what around a bijeenkomst, built only on ``kennisplatform.access``.

Read permissions are key overlaps (see models.py for the three key sets); managing a meeting is
for the group's beheerders (and site admins), who hold its moderator key.
"""

from kennisplatform import access


def can_read_details(user, occurrence) -> bool:
    return access.keys_overlap(occurrence.detail_keys(), access.held_keys(user))


def can_register(user, occurrence) -> bool:
    return access.keys_overlap(occurrence.registration_keys(), access.held_keys(user))


def is_beheerder(user, themagroep) -> bool:
    """The group's beheerders and site admins (they hold the group's moderator key)."""
    return access.is_beheerder(user, themagroep)


def can_manage(user, occurrence) -> bool:
    return is_beheerder(user, occurrence.bijeenkomst.themagroep)


def can_see_location(user, occurrence, registration=None) -> bool:
    """Address and online link: for confirmed participants who may still register, and beheerders."""
    if can_manage(user, occurrence):
        return True
    if registration is None or registration.status != "aangemeld" or registration.user_id != getattr(user, "pk", None):
        return False
    return can_register(user, occurrence)
