"""GET /health/: the state of each backing service, for load balancers and compose healthchecks."""

import time

from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.backend import search_health


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        state = {"status": "ok"}
        if detail:
            state.update(detail)
    except Exception as exc:  # a health check reports failures, it never raises
        state = {"status": "error", "error": exc.__class__.__name__}
    state["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return state


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"engine": connection.vendor}


def _cache():
    cache.set("health-probe", "1", 10)
    if cache.get("health-probe") != "1":
        raise RuntimeError("cache did not return the stored value")


def _channel_layer():
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.send)(channel, {"type": "health.probe"})
    if async_to_sync(layer.receive)(channel).get("type") != "health.probe":
        raise RuntimeError("channel layer lost the message")
    return {"backend": layer.__class__.__name__}


@never_cache
@require_GET
def health(request):
    checks = {
        "database": _timed(_database),
        "cache": _timed(_cache),
        "channel_layer": _timed(_channel_layer),
        "search": _timed(search_health),
    }
    # Only the database is essential: without search or Redis the site degrades but serves.
    healthy = checks["database"]["status"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)
