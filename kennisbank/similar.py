"""The section "Vergelijkbare voorbeelden" on voorbeeld and chapter pages.

The search engines rank (``search.similar``, filtered by the reader's held keys); the ranking is
cached per page revision and set of held keys, and every time it is shown the pages are read
through the access module again, so a voorbeeld unpublished or restricted since never appears.
For a signed-in official whose organisation is a gemeente, voorbeelden from gemeenten of the
same CBS size class and the same province move to the top ("Gemeenten zoals de mijne").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

from kennisplatform import access
from search.documents import adapter_for
from search.similar import Like, similar_voorbeelden

SIZE = 4
# Personal ordering happens among this many most similar, so it never brings up unlike cases.
POOL = 12
CACHE_SECONDS = 600
FALLBACK_CACHE_SECONDS = 30
OWN = "uw eigen gemeente"


@dataclass
class Item:
    page: object  # VoorbeeldPage with gemeente and provincie
    reasons: list[str]  # why its gemeente is like the reader's, empty otherwise


@dataclass
class Similar:
    items: list[Item]
    gemeente: object = None  # the reader's gemeente when the ordering is personal


def like_for(page) -> Like:
    from kennisbank.models import HoofdstukPage, VoorbeeldPage

    adapter = adapter_for(type(page))
    object_key = f"{adapter.label}:{page.pk}"
    if isinstance(page, VoorbeeldPage):
        return Like(
            object_key=object_key,
            doc_ids=tuple(adapter.document_ids(page)),
            instruments=tuple(str(pk) for pk in page.instrumenten.values_list("pk", flat=True)),
            vastgoedtype=(page.get_property_type_display(),) if page.property_type else (),
            provincie=(page.gemeente.provincie.name,),
        )
    if isinstance(page, HoofdstukPage):
        from kennisbank.blocks import case_ids_in, instrument_ids_in

        # Read from the body (no queries); the voorbeelden the chapter shows are on the page already.
        voorbeeld_label = adapter_for(VoorbeeldPage).label
        return Like(
            object_key=object_key,
            doc_ids=tuple(adapter.document_ids(page)),
            instruments=tuple(str(pk) for pk in sorted(instrument_ids_in(page.body))),
            exclude=tuple(f"{voorbeeld_label}:{pk}" for pk in sorted(case_ids_in(page.body))),
        )
    raise TypeError(f"no similar voorbeelden for {type(page).__name__}")


def _cache_key(page, keys) -> str:
    held = hashlib.sha1(" ".join(sorted(keys)).encode()).hexdigest()[:16]
    published = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    return f"kennisbank:vergelijkbaar:{page.pk}:{page.live_revision_id}:{published}:{held}"


def ranked_ids(page, user) -> list[int]:
    """The POOL most similar voorbeelden for this reader's keys, cached; a fallback answer
    (Elasticsearch failed) only briefly, so Elasticsearch's ranking soon returns."""
    keys = access.held_keys(user)
    key = _cache_key(page, keys)
    ids = cache.get(key)
    if ids is None:
        answer = similar_voorbeelden(like_for(page), keys, POOL)
        ids = answer.page_ids
        cache.set(key, ids, FALLBACK_CACHE_SECONDS if answer.fallback else CACHE_SECONDS)
    return ids


def official_gemeente(user):
    """The gemeente of a signed-in official's organisation, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    from accounts.models import Profile

    profile = Profile.objects.filter(user=user).select_related("organisation__gemeente__provincie").first()
    organisation = profile.organisation if profile else None
    return organisation.gemeente if organisation else None


def likeness(gemeente, mine) -> list[str]:
    if gemeente.pk == mine.pk:
        return [OWN]
    reasons = []
    if mine.grootteklasse and gemeente.grootteklasse == mine.grootteklasse:
        reasons.append("zelfde grootteklasse")
    if gemeente.provincie_id == mine.provincie_id:
        reasons.append("zelfde provincie")
    return reasons


def similar_for(page, user) -> Similar:
    from kennisbank.models import VoorbeeldPage

    ids = ranked_ids(page, user)
    if not ids:
        return Similar([])
    readable = access.readable_pages(VoorbeeldPage.objects.filter(pk__in=ids), user).select_related(
        "gemeente__provincie"
    )
    by_id = {voorbeeld.pk: voorbeeld for voorbeeld in readable}
    pages = [by_id[pk] for pk in ids if pk in by_id]
    mine = official_gemeente(user)
    if mine is None:
        return Similar([Item(voorbeeld, []) for voorbeeld in pages[:SIZE]])
    items = [Item(voorbeeld, likeness(voorbeeld.gemeente, mine)) for voorbeeld in pages]
    # Stable sort: the reader's own gemeente, then both alike, then one; ties stay in similarity order.
    items.sort(key=lambda item: -3 if item.reasons == [OWN] else -len(item.reasons))
    return Similar(items[:SIZE], gemeente=mine)
