"""Caching headers for API responses: an ETag of the body, Last-Modified of the newest page
shown, and Cache-Control that lets shared caches keep only what anonymous visitors see."""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date


def newest_change(pages):
    """The latest publication time among the pages, as a timestamp (None when there are none)."""
    times = [page.last_published_at for page in pages if page.last_published_at]
    return int(max(times).timestamp()) if times else None


def conditional(request, response, last_modified=None, public=False):
    """Add validators and answer 304 when the client's copy is current.

    ``public`` marks responses that are the same for everyone (the export); other responses may
    only be kept by shared caches when the reader is anonymous.
    """
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    if public or not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=settings.OPEN_DATA_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
