"""The one place that decides who may read what.

Every readable thing carries a set of *read keys*; every person holds a set of *held keys*.
A thing is readable when the two sets overlap. Deny by default: a thing without keys (a draft,
hidden content, a password-protected page) is readable by nobody through these functions.

Keys (built and parsed only here):
- ``public``          everyone, also anonymous visitors;
- ``authenticated``   every signed-in person with a verified e-mail address;
- ``group:<id>``      verified full members of themagroep <id> (site admins hold every group key);
- ``beheer:<id>``     beheerders of themagroep <id>: hidden posts and reports (site admins too).

Access knows no feature app. Each app registers, from its ``AppConfig.ready()``, one *policy*
per model it owns (the read keys of an object and the queryset filter that matches them), and
themagroepen registers the *memberships* people hold (``register_memberships``). Wagtail pages
and documents are Wagtail's: their keys come from page privacy, mapped here.

The same held keys feed the Elasticsearch ``terms`` filter, WebSocket connects, downloads and
calendar feeds, so membership changes need no reindexing: only the person's keys change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

PUBLIC = "public"
AUTHENTICATED = "authenticated"

_GROUP = "group:"
_BEHEER = "beheer:"
_ORGANISATION = "organisation:"
_HELD_KEYS_CACHE = "_kennisplatform_held_keys"
_MEMBER_OF_CACHE = "_kennisplatform_member_of"


# --- key strings --------------------------------------------------------------------------------


def group_key(themagroep_id: int) -> str:
    return f"{_GROUP}{themagroep_id}"


def moderator_key(themagroep_id: int) -> str:
    """Held by the beheerders of a group: reads hidden posts and reports there."""
    return f"{_BEHEER}{themagroep_id}"


def group_ids(keys: Iterable[str]) -> list[int]:
    """The themagroepen whose member content the keys open (for ``readable_q`` filters)."""
    return sorted(int(key.removeprefix(_GROUP)) for key in keys if key.startswith(_GROUP))


def moderated_group_ids(keys: Iterable[str]) -> list[int]:
    """The themagroepen whose hidden content and reports the keys open."""
    return sorted(int(key.removeprefix(_BEHEER)) for key in keys if key.startswith(_BEHEER))


def keys_overlap(read: Iterable[str], held: Iterable[str]) -> bool:
    return not set(read).isdisjoint(held)


# --- the registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """How one model is read: the keys of an object, and the filter matching held keys."""

    model: type
    read_keys: Callable[[object], Iterable[str]]
    readable_q: Callable[[frozenset[str]], Q]


@dataclass(frozen=True)
class Memberships:
    """What themagroepen tells access about people and groups (access imports no feature app).

    ``of_users(user_ids)`` yields ``(user_id, themagroep_id, is_beheerder)`` per full membership;
    ``all_groups()`` the ids of every group (site admins hold all their keys);
    ``for_auth_groups(auth_group_ids)`` yields ``(auth_group_id, themagroep_id)`` for the Django
    groups that mirror a themagroep (Wagtail page privacy names Django groups).
    """

    of_users: Callable[[list[int]], Iterable[tuple[int, int, bool]]]
    all_groups: Callable[[], Iterable[int]]
    for_auth_groups: Callable[[list[int]], Iterable[tuple[int, int]]]


_policies: dict[type, Policy] = {}
_memberships: Memberships | None = None


def register(model, read_keys=None, readable_q=None) -> Policy:
    """Register the read policy of ``model``; by default its ``read_keys()`` / ``readable_q()``."""
    policy = Policy(
        model=model,
        read_keys=read_keys or (lambda obj: obj.read_keys()),
        readable_q=readable_q or model.readable_q,
    )
    _policies[model] = policy
    return policy


def register_memberships(memberships: Memberships) -> None:
    global _memberships
    _memberships = memberships


def policies() -> dict[type, Policy]:
    return dict(_policies)


def policy_for(model) -> Policy:
    """The policy of a model or of its nearest registered base class (Wagtail page types)."""
    for cls in model.__mro__:
        if cls in _policies:
            return _policies[cls]
    raise LookupError(f"No read policy registered for {model.__name__}: deny by default is not enough, register one.")


def _registered_memberships() -> Memberships:
    if _memberships is None:
        raise LookupError("No memberships provider registered (themagroepen registers it in ready()).")
    return _memberships


# --- held keys ----------------------------------------------------------------------------------


def is_verified(user) -> bool:
    """Signed in and owns at least one verified e-mail address (allauth)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def _compute(users, verified_ids: set[int]) -> None:
    """Fill both caches for ``users``; unverified accounts get only the public key."""
    provider = _registered_memberships()
    verified = {u.pk for u in users if u.is_active and u.pk in verified_ids}
    member_of: dict[int, dict[int, bool]] = {u.pk: {} for u in users}
    if verified:
        for user_id, gid, beheerder in provider.of_users(sorted(verified)):
            member_of[user_id][gid] = beheerder
    everyone = None
    for user in users:
        keys = {PUBLIC}
        if user.pk in verified or user.is_superuser:
            keys.add(AUTHENTICATED)
            if user.is_superuser:
                if everyone is None:
                    everyone = list(provider.all_groups())
                grants = dict.fromkeys(everyone, True)
            else:
                grants = member_of[user.pk]
            for gid, beheerder in grants.items():
                keys.add(group_key(gid))
                if beheerder:
                    keys.add(moderator_key(gid))
        setattr(user, _HELD_KEYS_CACHE, frozenset(keys))
        setattr(user, _MEMBER_OF_CACHE, frozenset(member_of[user.pk]))


def held_keys(user) -> frozenset[str]:
    """The keys a person holds. Cached on the user object for the length of a request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset({PUBLIC})
    cached = getattr(user, _HELD_KEYS_CACHE, None)
    if cached is None:
        _compute([user], {user.pk} if is_verified(user) else set())
        cached = getattr(user, _HELD_KEYS_CACHE)
    return cached


def prime_held_keys(users) -> None:
    """Work out the keys of many people in two queries (not two each), e.g. before pushing
    thirty unread counts after a reply; ``held_keys`` then reads them from each user object."""
    from allauth.account.models import EmailAddress

    users = [u for u in users if getattr(u, "is_authenticated", False) and getattr(u, _HELD_KEYS_CACHE, None) is None]
    if users:
        verified = set(EmailAddress.objects.filter(user__in=users, verified=True).values_list("user_id", flat=True))
        _compute(users, verified)


def forget_held_keys(user) -> None:
    """Drop the cached keys after a membership change within the same request."""
    for cache in (_HELD_KEYS_CACHE, _MEMBER_OF_CACHE):
        if user is not None and hasattr(user, cache):
            delattr(user, cache)


def is_member(user, themagroep) -> bool:
    """A verified full member (lid or beheerder) of the group. Site admins are not members by
    virtue of their role; they *read* every group through their keys (``can_read``)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, _MEMBER_OF_CACHE, None) is None:
        forget_held_keys(user)  # keys cached without memberships (set from outside): work both out
        held_keys(user)
    return getattr(themagroep, "pk", themagroep) in getattr(user, _MEMBER_OF_CACHE)


def is_beheerder(user, themagroep) -> bool:
    """Beheerder (moderator) of this themagroep, or a site admin."""
    return moderator_key(themagroep.pk) in held_keys(user)


# --- reading ------------------------------------------------------------------------------------


def read_keys_of(obj) -> frozenset[str]:
    return frozenset(policy_for(type(obj)).read_keys(obj))


def readable_q(model, keys: frozenset[str]) -> Q:
    return policy_for(model).readable_q(keys)


def can_read(user, obj) -> bool:
    return keys_overlap(read_keys_of(obj), held_keys(user))


def check_can_read(user, obj) -> None:
    """Raise 404 (not 403): the existence of closed content is itself a secret."""
    if not can_read(user, obj):
        raise Http404


def filter_readable(queryset: QuerySet, user) -> QuerySet:
    return queryset.filter(readable_q(queryset.model, held_keys(user)))


# --- Wagtail pages and documents ----------------------------------------------------------------


def page_read_keys(page) -> frozenset[str]:
    """Map Wagtail's page privacy onto read keys.

    Unpublished pages have none. A login restriction needs ``authenticated``; a group
    restriction needs membership of the themagroep linked to one of the Django groups; a
    password restriction is never granted through keys (nobody reads it through access).
    """
    if not page.live:
        return frozenset()
    restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    return _fold(restrictions, _themagroepen_behind(restrictions))


def _themagroepen_behind(restrictions) -> dict[int, int]:
    """Django group id -> themagroep id, for the groups these restrictions name (one query)."""
    auth_group_ids = sorted({group.pk for restriction in restrictions for group in restriction.groups.all()})
    return dict(_registered_memberships().for_auth_groups(auth_group_ids)) if auth_group_ids else {}


def _restriction_keys(restriction, themagroepen: dict[int, int]) -> set[str]:
    from wagtail.models import PageViewRestriction

    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return {AUTHENTICATED}
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return {group_key(themagroepen[g.pk]) for g in restriction.groups.all() if g.pk in themagroepen}
    return set()


def _fold(restrictions, themagroepen: dict[int, int]) -> frozenset[str]:
    """Nested restrictions all apply: a reader must pass each of them."""
    if not restrictions:
        return frozenset({PUBLIC})
    keys: set[str] | None = None
    for restriction in restrictions:
        allowed = _restriction_keys(restriction, themagroepen)
        keys = allowed if keys is None else _intersect_restrictions(keys, allowed)
    return frozenset(keys or ())


def _intersect_restrictions(outer: set[str], inner: set[str]) -> set[str]:
    if outer == {AUTHENTICATED}:
        return inner
    if inner == {AUTHENTICATED}:
        return outer
    return outer & inner


def _page_readable_q(keys: frozenset[str]) -> Q:
    """Live pages outside every restricted subtree whose keys the holder lacks.

    Three queries whatever the number of pages: all restrictions with their groups, and the
    themagroepen behind those groups. A subtree's keys fold its own restrictions with those
    above it, exactly as ``page_read_keys`` does for one page.
    """
    from wagtail.models import PageViewRestriction

    restrictions = list(
        PageViewRestriction.objects.select_related("page")
        .only("restriction_type", "page__path")
        .prefetch_related("groups")
    )
    themagroepen = _themagroepen_behind(restrictions)
    paths = sorted({r.page.path for r in restrictions})
    hidden = Q()
    for path in paths:
        applying = [r for r in restrictions if path.startswith(r.page.path)]
        if not keys_overlap(_fold(applying, themagroepen), keys):
            # An alias reads like its source page (as in Wagtail's get_view_restrictions).
            hidden |= Q(path__startswith=path) | Q(alias_of__path__startswith=path)
    return Q(live=True) & ~hidden if hidden else Q(live=True)


def readable_pages(queryset, user):
    """Live pages the user may read; used by listings, feeds, sitemap, breadcrumbs and search."""
    return queryset.filter(_page_readable_q(held_keys(user)))


def document_read_keys(document) -> frozenset[str]:
    """A Wagtail document is read through the live pages that use it (Wagtail's reference
    index), or openly when its collection is marked public (``PUBLIC_DOCUMENT_COLLECTIONS``)."""
    from django.conf import settings
    from wagtail.models import Page, ReferenceIndex

    if document.collection.name in getattr(settings, "PUBLIC_DOCUMENT_COLLECTIONS", ()):
        return frozenset({PUBLIC})
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type__model="page", base_content_type__app_label="wagtailcore"
    )
    page_ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    keys: set[str] = set()
    for page in Page.objects.filter(pk__in=page_ids).live():
        keys |= page_read_keys(page)
    return frozenset(keys)


def _document_readable_q(keys: frozenset[str]) -> Q:
    """Work per document (its pages decide); document lists are short and rare outside the CMS."""
    from wagtail.documents import get_document_model

    model = get_document_model()
    readable = [
        doc.pk for doc in model.objects.select_related("collection") if keys_overlap(document_read_keys(doc), keys)
    ]
    return Q(pk__in=readable)


def register_wagtail() -> None:
    """Pages and documents belong to Wagtail; access maps their privacy (called from ready())."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    register(Page, read_keys=page_read_keys, readable_q=_page_readable_q)
    register(get_document_model(), read_keys=document_read_keys, readable_q=_document_readable_q)


# --- Organisations (the dossier of a gemeente) ---------------------------------------------------


def organisation_key(organisation_id: int) -> str:
    return f"{_ORGANISATION}{organisation_id}"


def organisation_ids(keys: Iterable[str]) -> list[int]:
    """The organisations whose dossier the keys open (for ``readable_q`` filters)."""
    return sorted(int(key.removeprefix(_ORGANISATION)) for key in keys if key.startswith(_ORGANISATION))


def organisation_keys(user) -> frozenset[str]:
    """``organisation:<id>`` for a verified official whose e-mail domain is a known domain of
    the organisation in their profile; nobody else speaks for an organisation. Kept apart from
    ``held_keys`` (which every request computes) because only dossier reads need them: the
    dossier asks ``held_keys(user) | organisation_keys(user)``."""
    from accounts.services import email_matches_organisation, get_profile

    if not is_verified(user) or not email_matches_organisation(user):
        return frozenset()
    return frozenset({organisation_key(get_profile(user).organisation_id)})
