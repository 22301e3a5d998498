"""Whole responses for visitors without a session, invalidated whenever published content changes.

Which requests: GET or HEAD to a view that opts in (Wagtail's page serving and the views marked
with :func:`anonymous_cacheable`), from a visitor who sends no session cookie and no messages
cookie, with a short query string. Such a visitor holds only the public read keys (the access
module gives an anonymous person nothing else), so every such visitor sees the same page.

Which responses: 200, HTML/XML/text, not streamed, no cookie set (no session written, no message
queued, no CSRF token rendered), not marked private or no-store by the view.

Invalidation: one content *generation*, a row in the database, is part of every cache key. Any
save or delete of a model that published pages show (pages and their view restrictions, documents,
images, collections, tags, gemeenten, thema's, redirects, sites) increments it after commit, and a
page move does too. A change therefore reaches the changed page and every listing, feed, sitemap,
home page and navigation that includes it at once. We chose one generation over tags per page
because a page shows much more than itself (navigation, the handreiking's table of contents,
similar voorbeelden, the home page's newest items): a missing tag would be a stale page, an extra
invalidation only a cache miss, and editors publish a few times an hour. The generation is kept in
the database and copied into the cache for at most ``GENERATION_TTL`` seconds (see
:func:`generation`), so a Redis outage (the cache then falls back per process) cannot leave old
pages served for longer than that once Redis returns. Entries also expire after
``ANONYMOUS_PAGE_CACHE_TIMEOUT`` seconds, which bounds what is derived later (the search index
behind "similar" lists) and a lost increment.

HTTP: cached and cacheable responses carry an ETag, Last-Modified, ``Cache-Control: public`` (a
proxy may store but must revalidate, unless ``ANONYMOUS_PAGE_CACHE_MAX_AGE`` allows more) and
``Vary: Cookie`` so a proxy keeps signed-in people apart; a conditional request gets a 304.
Responses of these views to people with a session are ``private``.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)

CACHEABLE_CONTENT_TYPES = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml", "text/plain")
MAX_QUERY_LENGTH = 200
# The query parameters public listings read (pagination, kind, sort order, the voorbeeld filters).
# Any other one (a free-text ``q``, tracking tags, made-up names) is rendered, never stored: a
# visitor must not be able to mint cache entries with arbitrary parameters.
CACHEABLE_PARAMETERS = frozenset(
    {"pagina", "soort", "sortering", "provincie", "gemeente", "vastgoed", "instrument", "thema"}
)
# At most this many new entries per minute and process, whatever the URLs: it bounds what a
# crawler or an attacker walking the filter combinations can make the cache hold.
MAX_STORES_PER_MINUTE = 600
GENERATION_KEY = "paginacache:generatie"
GENERATION_TTL = 2
MAX_CONTENT_BYTES = 1024 * 1024
# Headers of the view's response that belong to this request only, or that outer middleware
# sets again on every response.
REQUEST_HEADERS = {"set-cookie", "date", "expires", "etag", "last-modified", "cache-control", "x-cache"}

# Models whose rows published pages show, by app; the operational ones of those apps (logs,
# drafts, workflow, permissions, renditions, queues) are left out because the public never sees
# them. A model forgotten here would mean a stale page, so whole apps are in and only these out.
CONTENT_APPS = {
    "kennisplatform",
    "kennisbank",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
NOT_SHOWN = {
    "kennisplatform.workerheartbeat",
    "kennisplatform.klokrun",
    "kennisplatform.pagecachegeneration",
    "kennisbank.pagecreation",
    "kennisbank.reviewmail",
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.workflow",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.groupsitepermission",
}
# Saving a draft writes only these columns of the page row: the published page is unchanged.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def anonymous_cacheable(view):
    """Mark a view whose response to a visitor without a session is the same for every such visitor."""
    view.anonymous_cacheable = True
    return view


def is_cacheable_view(view_func) -> bool:
    from wagtail.views import serve

    return view_func is serve or getattr(view_func, "anonymous_cacheable", False)


def enabled() -> bool:
    return getattr(settings, "ANONYMOUS_PAGE_CACHE", True)


# --- generation -------------------------------------------------------------------------------


def _stored_generation() -> int:
    from kennisplatform.models import PageCacheGeneration

    return PageCacheGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def generation() -> int:
    """The current generation: from the cache, and from the database at most every few seconds.

    A bump writes the new value into the cache, so every process sees it at once. The short
    lifetime of that copy bounds what a lost write costs (Redis unreachable during the bump, or
    two bumps in the same instant writing out of order): then a process trusts an old value for
    at most ``GENERATION_TTL`` seconds."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = _stored_generation()
        cache.add(GENERATION_KEY, value, GENERATION_TTL)  # never over a bump's newer value
    return value


def bump() -> None:
    """Increment the generation (run after commit, so readers never see it before the content)."""
    from kennisplatform.models import PageCacheGeneration

    try:
        if not PageCacheGeneration.objects.filter(pk=1).update(value=F("value") + 1):
            PageCacheGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
        cache.set(GENERATION_KEY, _stored_generation(), GENERATION_TTL)
    except DatabaseError:
        # The change is committed; cached pages then live until their timeout.
        logger.exception("Paginacache: de generatie kon niet worden opgehoogd")
        cache.delete(GENERATION_KEY)


def _bump_pending() -> bool:
    # Django empties this list when the transaction commits or rolls back.
    return any(entry[1] is bump for entry in connection.run_on_commit)


def bump_after_commit() -> None:
    if connection.in_atomic_block and _bump_pending():
        return  # one increment per transaction is enough, however many rows it writes
    transaction.on_commit(bump, robust=True)


def _in_changing_transaction() -> bool:
    """Inside a transaction that changed content, requests on its connection neither serve nor
    store cached pages: they must see what it wrote (read your own writes)."""
    return connection.in_atomic_block and _bump_pending()


def is_shown_content(model) -> bool:
    if model.__module__ == "__fake__":
        return False  # a migration's historical model: no page is served from a migration
    meta = model._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_SHOWN


def content_saved(sender, update_fields=None, raw=False, **kwargs):
    if raw or not is_shown_content(sender):
        return
    if update_fields and frozenset(update_fields) <= DRAFT_FIELDS:
        return
    bump_after_commit()


def content_changed(sender, **kwargs):
    if is_shown_content(sender):
        bump_after_commit()


def page_moved(sender, **kwargs):
    bump_after_commit()


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import post_page_move

    post_save.connect(content_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(content_changed, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(content_changed, dispatch_uid="page_cache_m2m")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")


# --- requests and responses -------------------------------------------------------------------


def is_anonymous_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    if not CACHEABLE_PARAMETERS.issuperset(request.GET.keys()):
        return False
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cache_key(request, generation_value: int) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    digest = hashlib.sha256(f"{request.get_host()}{request.path}?{query}".encode()).hexdigest()
    return f"paginacache:{generation_value}:{digest}"


def _cache_is_shared() -> bool:
    """False while our Redis cache runs on its per-process fallback: process memory is not for pages."""
    breaker = getattr(cache, "breaker", None)
    return breaker is None or breaker.state == "closed"


class _StoreBudget:
    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.minute = None
        self.used = 0

    def take(self) -> bool:
        minute = int(time.monotonic() // 60)
        if minute != self.minute:
            self.minute, self.used = minute, 0
        self.used += 1
        return self.used <= self.per_minute


def _response_is_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_CONTENT_TYPES):
        return False
    if len(response.content) > MAX_CONTENT_BYTES:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token: it belongs to this visitor
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def _public_headers(response, etag: str, last_modified: float, state: str) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    max_age = getattr(settings, "ANONYMOUS_PAGE_CACHE_MAX_AGE", 0)
    if max_age:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ("Cookie",))
    response["X-Cache"] = state


def _from_entry(entry) -> HttpResponse:
    content, headers, stored_at, etag = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    _public_headers(response, etag, stored_at, "HIT")
    return response


class AnonymousPageCacheMiddleware:
    """Serves and stores the whole responses described in the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.budget = _StoreBudget(MAX_STORES_PER_MINUTE)

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is None:
            if getattr(request, "_page_cache_private", False):
                patch_cache_control(response, private=True)
            return response
        if (
            request.method == "GET"
            and not _in_changing_transaction()
            and _response_is_storable(request, response)
            and _cache_is_shared()
            and self.budget.take()
        ):
            return self._store(request, response, key)
        response["X-Cache"] = "MISS"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not enabled() or not is_cacheable_view(view_func) or _in_changing_transaction():
            return None
        if not is_anonymous_request(request):
            request._page_cache_private = True
            return None
        try:
            key = cache_key(request, generation())
        except DatabaseError:
            return None  # the view itself answers (and reports the database)
        entry = cache.get(key)
        if entry is not None:
            return get_conditional_response(
                request, etag=entry[3], last_modified=int(entry[2]), response=_from_entry(entry)
            )
        request._page_cache_key = key
        return None

    def _store(self, request, response, key):
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        stored_at = time.time()
        headers = [(name, value) for name, value in response.headers.items() if name.lower() not in REQUEST_HEADERS]
        cache.set(key, (response.content, headers, stored_at, etag), settings.ANONYMOUS_PAGE_CACHE_TIMEOUT)
        _public_headers(response, etag, stored_at, "MISS")
        return get_conditional_response(request, etag=etag, last_modified=int(stored_at), response=response)
