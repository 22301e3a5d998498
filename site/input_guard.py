"""Input that cannot be stored or shown sensibly is stopped at the door.

PostgreSQL refuses NUL characters in text (and lone surrogates cannot be encoded at all), so a
``?provincie=%00`` reached a query and answered 500. One middleware, early, answers 400 with a
Dutch page for such characters anywhere in the path, a query parameter, a form field or a
cookie, and cuts query-parameter values to a sane length so that search boxes, filters and
error messages never echo a megabyte back.
"""

import re

from django.http import HttpResponseBadRequest, QueryDict
from django.template.loader import render_to_string

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_QUERY_VALUE_LENGTH = 500


def _unstorable(pairs) -> bool:
    return any(UNSTORABLE.search(key) or UNSTORABLE.search(value) for key, value in pairs)


def _query_pairs(querydict):
    return ((key, value) for key, values in querydict.lists() for value in values)


def _truncated(querydict: QueryDict) -> QueryDict:
    if all(len(value) <= MAX_QUERY_VALUE_LENGTH for _key, value in _query_pairs(querydict)):
        return querydict
    shortened = QueryDict(mutable=True)
    for key, values in querydict.lists():
        shortened.setlist(key, [value[:MAX_QUERY_VALUE_LENGTH] for value in values])
    shortened._mutable = False
    return shortened


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # request.POST is read here, before CSRF would read it anyway; multipart files are
        # judged by their content and names elsewhere (safe_filename drops control characters).
        if (
            UNSTORABLE.search(request.path)
            or _unstorable(_query_pairs(request.GET))
            or _unstorable(request.COOKIES.items())
            or (request.method == "POST" and _unstorable(_query_pairs(request.POST)))
        ):
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        request.GET = _truncated(request.GET)
        return self.get_response(request)


def as_id(value) -> int | None:
    """A primary key from a query or form value, or None: ASCII digits only and at most 18 of them,
    because ``str.isdigit`` also accepts "²" (which ``int`` refuses) and a bigint has 19 digits."""
    if isinstance(value, str) and 0 < len(value) <= 18 and value.isascii() and value.isdigit():
        return int(value)
    return None
