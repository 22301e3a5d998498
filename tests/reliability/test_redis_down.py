"""Redis stopped or frozen: every page and login keep working; live updates come back by themselves.

Before: anonymous ``/``, chapters and ``/voorbeelden/`` answered 500 (Wagtail's site root paths
live in the cache), login answered 500 (allauth's rate limiter), and /health/ said ok.
"""

import time

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache

from kennisplatform.live import send_to_groups
from tests.conftest import make_verified_user
from tests.reliability.conftest import wait_until

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

PASSWORD = "Sterk-wachtwoord-2026"


def _pages(content):
    chapter = content.chapters[0]
    return {"/": "Voorbeelden", chapter.url: chapter.title, "/voorbeelden/": "Kantoor in Utrecht"}


def _login(client, email, password):
    return client.post("/account/login/", {"login": email, "password": password})


def test_pages_login_and_rate_limit_with_redis_stopped(client, reference_data, kb, redis_proxy):
    user = make_verified_user("lid@gemeente.example")
    assert client.get("/").status_code == 200  # site root paths now cached in Redis
    redis_proxy.cut()

    started = time.monotonic()
    for url, text in _pages(kb).items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    pages_s = time.monotonic() - started

    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    client.logout()

    # Brute force stays bounded: while Redis is away the limits count in this process.
    for _attempt in range(5):
        assert "niet correct" in _login(client, user.email, "fout-wachtwoord-123").content.decode()
    refused = _login(client, user.email, PASSWORD)
    assert "Te veel inlogpogingen" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["cache"]["status"] == "degraded"
    assert health.json()["checks"]["channel_layer"]["status"] == "failing"
    print(f"\nredis stopped: 3 pages in {pages_s * 1000:.0f} ms, login ok, 6th attempt refused, health degraded")

    redis_proxy.restore()
    restored = time.monotonic()
    wait_until(lambda: client.get("/health/").json()["checks"]["cache"]["status"] == "ok", 10)
    cache.set("terug", "ja")
    cache.fallback.clear()
    assert cache.get("terug") == "ja"  # from Redis itself again
    print(f"redis back: cache on Redis after {time.monotonic() - restored:.2f} s")


def test_frozen_redis_costs_pages_one_short_timeout(client, reference_data, kb, redis_proxy):
    assert client.get("/").status_code == 200
    redis_proxy.freeze()
    timings = []
    for url in list(_pages(kb)) * 2:
        started = time.monotonic()
        assert client.get(url).status_code == 200
        timings.append(time.monotonic() - started)
    health_started = time.monotonic()
    assert client.get("/health/").json()["checks"]["cache"]["status"] == "degraded"
    health_s = time.monotonic() - health_started
    print(f"\nredis frozen: page times {[round(t * 1000) for t in timings]} ms, health {health_s * 1000:.0f} ms")
    assert max(timings[1:]) < 1.0 and timings[0] < 2.0
    assert health_s < 3.0


def test_live_updates_degrade_and_come_back_by_themselves(redis_proxy):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("topic-1", channel)

    redis_proxy.cut()
    started = time.monotonic()
    send_to_groups([("topic-1", {"type": "reply.created", "reply_id": 1})])  # never raises
    assert time.monotonic() - started < 1.5

    redis_proxy.restore()
    restored = time.monotonic()

    def delivered():
        send_to_groups([("topic-1", {"type": "reply.created", "reply_id": 2})])

        async def receive():
            import asyncio

            try:
                return await asyncio.wait_for(layer.receive(channel), 0.5)
            except (TimeoutError, OSError, ConnectionError):
                return None

        message = async_to_sync(receive)()
        return message and message["reply_id"] == 2

    wait_until(delivered, 15, 0.2, "live events through Redis again")
    print(f"\nlive updates back {time.monotonic() - restored:.2f} s after Redis returned")
