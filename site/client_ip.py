"""The client's IP address, derived in one place for every rate limit.

``X-Forwarded-For`` is only believed as far as proxies we run: with ``TRUSTED_PROXY_COUNT = n``
the address is the n-th entry from the right (the one our outermost proxy saw); entries further
left were written by the client and are ignored. With 0 (the default) it is ``REMOTE_ADDR``.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    cached = getattr(request, "_client_ip", None)
    if cached is None:
        cached = request._client_ip = _derive(request) or ""
    return cached or None


def _derive(request) -> str | None:
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    candidate = forwarded[-count] if count and len(forwarded) >= count else request.META.get("REMOTE_ADDR")
    return _valid(candidate)


def _valid(address: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((address or "").strip("[]")))
    except ValueError:
        return None
