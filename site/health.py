"""Health for load balancers, compose healthchecks and operators.

- ``/health/live/``: the process answers (no backing service asked): for restarts.
- ``/health/ready/`` and ``/health/``: each backing service as ``ok`` / ``degraded`` /
  ``failing``, with the oldest waiting task's age and the workers' last heartbeat. Only a
  failing database makes the site not ready (503); everything else has a fallback or only
  delays background work, so the overall status is then ``degraded`` (200).

Every check is bounded in time (short timeouts, open circuits answer at once), so a frozen
service never makes the health check hang.
"""

import asyncio
import time

from asgiref.sync import async_to_sync
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kennisplatform import taskworker
from search.backend import search_health

OK, DEGRADED, FAILING = "ok", "degraded", "failing"
SLOW_MS = 1000
CHANNEL_BUDGET_SECONDS = 1.0
TASK_WAIT_DEGRADED, TASK_WAIT_FAILING = 60, 600  # seconds the oldest due task may wait


class Degraded(Exception):
    """A check that works, but not as it should (fallback in use, work piling up)."""


def _timed(check):
    started = time.perf_counter()
    try:
        state = {"status": OK, **(check() or {})}
    except Degraded as exc:
        state = {"status": DEGRADED, "detail": str(exc)}
    except Exception as exc:  # a health check reports failures, it never raises
        state = {"status": FAILING, "error": exc.__class__.__name__}
    state["ms"] = round((time.perf_counter() - started) * 1000, 1)
    if state["status"] == OK and state["ms"] > SLOW_MS:
        state["status"] = DEGRADED
    return state


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"engine": connection.vendor}


def _cache():
    ping = getattr(cache, "ping", None)
    if ping is not None:  # the tolerant Redis cache: ask Redis itself, not its fallback
        try:
            ping()
        except Exception as exc:
            raise Degraded(f"Redis onbereikbaar ({exc.__class__.__name__}); lokale cache per proces") from exc
        return {"backend": "redis"}
    cache.set("health-probe", "1", 10)
    if cache.get("health-probe") != "1":
        raise RuntimeError("cache did not return the stored value")
    return {"backend": cache.__class__.__name__}


def _channel_layer():
    from channels.layers import get_channel_layer

    layer = get_channel_layer()

    async def probe():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.probe"})
        return await layer.receive(channel)

    async def bounded():
        return await asyncio.wait_for(probe(), CHANNEL_BUDGET_SECONDS)

    if async_to_sync(bounded)().get("type") != "health.probe":
        raise RuntimeError("channel layer lost the message")
    return {"backend": layer.__class__.__name__}


def _uses_task_database() -> bool:
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db")


def _tasks():
    if not _uses_task_database():
        return {"backend": "immediate"}
    waiting = taskworker.oldest_waiting_seconds()
    detail = {"oldest_waiting_s": None if waiting is None else round(waiting, 1)}
    if waiting is not None and waiting >= TASK_WAIT_FAILING:
        raise RuntimeError(f"oldest task waits {waiting:.0f} s")
    if waiting is not None and waiting >= TASK_WAIT_DEGRADED:
        raise Degraded(f"oudste wachtende taak wacht {waiting:.0f} s")
    return detail


def _worker():
    if not _uses_task_database():
        return {"backend": "immediate"}
    age = taskworker.last_heartbeat_seconds()
    lease = taskworker.lease().total_seconds()
    if age is None or age >= 3 * lease:
        raise RuntimeError("no worker heartbeat")
    if age >= lease:
        raise Degraded(f"laatste hartslag {age:.0f} s geleden")
    return {"last_heartbeat_s": round(age, 1)}


def report() -> dict:
    checks = {
        "database": _timed(_database),
        "cache": _timed(_cache),
        "channel_layer": _timed(_channel_layer),
        "search": _timed(search_health),
    }
    if checks["database"]["status"] != FAILING:
        checks["tasks"] = _timed(_tasks)
        checks["worker"] = _timed(_worker)
    if checks["database"]["status"] == FAILING:
        status = FAILING
    elif any(check["status"] != OK for check in checks.values()):
        status = DEGRADED
    else:
        status = OK
    return {"status": status, "checks": checks}


@never_cache
@require_GET
def health(request):
    """Readiness with the detail of every check (also at /health/ready/)."""
    body = report()
    return JsonResponse(body, status=503 if body["status"] == FAILING else 200)


@never_cache
@require_GET
def live(request):
    return JsonResponse({"status": OK})
