"""Rate limits on writes and searches, with the limiter that already guards signing in
(allauth's: a sliding window per person or address, kept in the cache).

Limits live in ``settings.PLATFORM_RATE_LIMITS`` in allauth's notation (``"10/m/user"``). Only
POST requests count, except for views that pass ``limit_get`` (the search API). A person over
the limit gets HTTP 429 with a formal Dutch explanation, as a page or as JSON.
"""

from functools import wraps
from http import HTTPStatus

from allauth.core.internal import ratelimit as limiter
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render

MESSAGE = "U hebt dit in korte tijd te vaak gedaan. Wacht een paar minuten en probeer het daarna opnieuw."
RETRY_AFTER_SECONDS = 60


def too_many_requests(request, *, as_json: bool = False):
    if as_json:
        response = JsonResponse({"error": MESSAGE}, status=HTTPStatus.TOO_MANY_REQUESTS)
    else:
        response = render(request, "429.html", {"message": MESSAGE}, status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def rate_limited(action: str, *, limit_get: bool = False, as_json: bool = False):
    """Decorate a view: over the limit for ``action``, answer 429 instead of running it.
    Put it inside the view's access decorators, so refused requests do not count."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            allowed = limiter.consume(
                request,
                app="kennisplatform",
                action=action,
                config=settings.PLATFORM_RATE_LIMITS,
                limit_get=limit_get,
            )
            if not allowed:
                return too_many_requests(request, as_json=as_json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def consume_for(user, action: str) -> bool:
    """The limit for ``action`` where there is no request (a reply by e-mail): it counts on the
    person's own counter, the one the web form uses, so mail does not add to the allowance.
    False when over the limit."""
    request = HttpRequest()
    request.method, request.user = "POST", user
    usage = limiter.consume(
        request, app="kennisplatform", action=action, config=settings.PLATFORM_RATE_LIMITS, user=user
    )
    return usage is not None
