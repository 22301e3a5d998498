"""The one place that decides who may read what.

Every readable thing carries a set of *read keys*; every person holds a set of *held keys*.
A thing is readable when the two sets overlap. Deny by default: a thing without keys (a draft,
hidden content, a password-protected page) is readable by nobody through these functions.

Keys:
- ``public``          everyone, also anonymous visitors;
- ``authenticated``   every signed-in person with a verified e-mail address;
- ``group:<id>``      full members of themagroep <id> (site admins hold every group key).
- ``beheer:<id>``     beheerders of themagroep <id>: hidden posts and reports (site admins too).

Models opt in by implementing two methods::

    def read_keys(self) -> frozenset[str]            # for one object (views, search documents)
    @classmethod
    def readable_q(cls, keys: frozenset[str]) -> Q   # for querysets (listings, feeds)

The same held keys feed the Elasticsearch ``terms`` filter, WebSocket connects, downloads and
calendar feeds, so membership changes need no reindexing: only the person's keys change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.http import Http404

PUBLIC = "public"
AUTHENTICATED = "authenticated"

_HELD_KEYS_CACHE = "_kennisplatform_held_keys"


def group_key(themagroep_id: int) -> str:
    return f"group:{themagroep_id}"


def moderator_key(themagroep_id: int) -> str:
    """Held by the beheerders of a group: reads hidden posts and reports there."""
    return f"beheer:{themagroep_id}"


def group_id_from_key(key: str) -> int | None:
    if key.startswith("group:"):
        return int(key.removeprefix("group:"))
    return None


def is_verified(user) -> bool:
    """Signed in and owns at least one verified e-mail address (allauth)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def member_group_ids(user) -> frozenset[int]:
    """Ids of the themagroepen where the user is a full member (lid or beheerder)."""
    from themagroepen.models import Membership, Themagroep

    if user.is_superuser:
        return frozenset(Themagroep.objects.values_list("id", flat=True))
    return frozenset(Membership.objects.filter(user=user).values_list("themagroep_id", flat=True))


def _membership_keys(memberships: Iterable[tuple[int, str]]) -> set[str]:
    """group:<id> for every (themagroep id, role) and beheer:<id> where the role is beheerder."""
    from themagroepen.models import Role

    keys = set()
    for gid, role in memberships:
        keys.add(group_key(gid))
        if role == Role.BEHEERDER:
            keys.add(moderator_key(gid))
    return keys


def _keys(verified: bool, is_superuser: bool, memberships: Callable[[], Iterable[tuple[int, str]]]) -> frozenset[str]:
    """The one rule: verified people hold ``authenticated`` and their membership keys; site admins
    hold every group's keys. ``memberships`` is only called for those who get them."""
    from themagroepen.models import Role, Themagroep

    keys = {PUBLIC}
    if verified or is_superuser:
        keys.add(AUTHENTICATED)
        if is_superuser:
            keys.update(
                _membership_keys((gid, Role.BEHEERDER) for gid in Themagroep.objects.values_list("id", flat=True))
            )
        else:
            keys.update(_membership_keys(memberships()))
    return frozenset(keys)


def is_beheerder(user, themagroep) -> bool:
    """Beheerder (moderator) of this themagroep, or a site admin."""
    return moderator_key(themagroep.pk) in held_keys(user)


def held_keys(user) -> frozenset[str]:
    """The keys a person holds. Cached on the user object for the length of a request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset({PUBLIC})
    cached = getattr(user, _HELD_KEYS_CACHE, None)
    if cached is not None:
        return cached
    from themagroepen.models import Membership

    memberships = Membership.objects.filter(user=user).values_list("themagroep_id", "role")
    result = _keys(is_verified(user), user.is_superuser, lambda: memberships)
    setattr(user, _HELD_KEYS_CACHE, result)
    return result


def prime_held_keys(users) -> None:
    """Work out the keys of many people in two queries (not two each), e.g. before pushing
    thirty unread counts after a reply; ``held_keys`` then reads them from each user object."""
    from allauth.account.models import EmailAddress

    from themagroepen.models import Membership

    users = [u for u in users if getattr(u, "is_authenticated", False) and getattr(u, _HELD_KEYS_CACHE, None) is None]
    if not users:
        return
    verified = set(EmailAddress.objects.filter(user__in=users, verified=True).values_list("user_id", flat=True))
    memberships: dict[int, list[tuple[int, str]]] = {}
    for user_id, gid, role in Membership.objects.filter(user__in=users).values_list("user_id", "themagroep_id", "role"):
        memberships.setdefault(user_id, []).append((gid, role))
    for user in users:
        keys = _keys(
            user.is_active and user.pk in verified, user.is_superuser, lambda pk=user.pk: memberships.get(pk, ())
        )
        setattr(user, _HELD_KEYS_CACHE, keys)


def forget_held_keys(user) -> None:
    """Drop the cached keys after a membership change within the same request."""
    if user is not None and hasattr(user, _HELD_KEYS_CACHE):
        delattr(user, _HELD_KEYS_CACHE)


def keys_overlap(read: Iterable[str], held: Iterable[str]) -> bool:
    return not set(read).isdisjoint(held)


def can_read(user, obj) -> bool:
    return keys_overlap(read_keys_of(obj), held_keys(user))


def check_can_read(user, obj) -> None:
    """Raise 404 (not 403): the existence of closed content is itself a secret."""
    if not can_read(user, obj):
        raise Http404


def filter_readable(queryset: QuerySet, user) -> QuerySet:
    return queryset.filter(queryset.model.readable_q(held_keys(user)))


def read_keys_of(obj) -> frozenset[str]:
    from wagtail.models import Page

    if isinstance(obj, Page):
        return page_read_keys(obj)
    return frozenset(obj.read_keys())


# --- Wagtail pages ---------------------------------------------------------------------------


def page_read_keys(page) -> frozenset[str]:
    """Map Wagtail's page privacy onto read keys.

    Unpublished pages have none. A login restriction needs ``authenticated``; a group
    restriction needs membership of the themagroep linked to one of the Django groups; a
    password restriction is never granted through keys (only Wagtail's own form opens it).
    """
    from wagtail.models import PageViewRestriction

    if not page.live:
        return frozenset()
    restrictions = page.get_view_restrictions()
    if not restrictions:
        return frozenset({PUBLIC})
    keys: set[str] | None = None
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            allowed = {AUTHENTICATED}
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            allowed = _group_keys_for_auth_groups(restriction.groups.all())
        else:
            allowed = set()
        # Nested restrictions all apply: a reader must pass each of them.
        keys = allowed if keys is None else _intersect_restrictions(keys, allowed)
    return frozenset(keys or ())


def _intersect_restrictions(outer: set[str], inner: set[str]) -> set[str]:
    if outer == {AUTHENTICATED}:
        return inner
    if inner == {AUTHENTICATED}:
        return outer
    return outer & inner


def _group_keys_for_auth_groups(auth_groups) -> set[str]:
    from themagroepen.models import Themagroep

    ids = Themagroep.objects.filter(auth_group__in=auth_groups).values_list("id", flat=True)
    return {group_key(group_id) for group_id in ids}


def readable_pages(queryset, user):
    """Live pages the user may read; used by listings, feeds, sitemap and search fallbacks."""
    queryset = queryset.live()
    keys = held_keys(user)
    private_ids = [
        page.pk for page in queryset.not_public().specific(defer=True) if not keys_overlap(page_read_keys(page), keys)
    ]
    return queryset.exclude(pk__in=private_ids)


# --- Organisations (the dossier of a gemeente) ---------------------------------------------------


def organisation_key(organisation_id: int) -> str:
    return f"organisation:{organisation_id}"


def organisation_keys(user) -> frozenset[str]:
    """``organisation:<id>`` for a verified official whose e-mail domain is a known domain of
    the organisation in their profile; nobody else speaks for an organisation. Kept apart from
    ``held_keys`` until the policy registry takes held-key providers (only dossiers use it)."""
    from accounts.services import email_matches_organisation, get_profile

    if not is_verified(user) or not email_matches_organisation(user):
        return frozenset()
    return frozenset({organisation_key(get_profile(user).organisation_id)})
