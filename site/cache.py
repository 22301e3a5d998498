"""A Redis cache that never breaks a page: Redis errors become use of a process-local cache.

Wagtail keeps its site root paths in the cache and allauth's rate limiter counts attempts
there (and spins on ``cache.add`` for its lock), so a cache that merely returned misses would
still break or unbound them. While Redis is unreachable every operation goes to a local-memory
cache of this process instead: pages render, and login limits keep counting per server
process (a defined, weaker bound: N processes allow at most N times the configured rate). A
circuit breaker keeps a frozen Redis from costing a socket timeout per call; Redis is tried
again after the cooldown and used as soon as it answers.
"""

import logging

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from kennisplatform.circuit import CircuitBreaker

logger = logging.getLogger(__name__)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        cooldown = float(options.pop("BREAKER_COOLDOWN", 5))
        # Short socket timeouts: a frozen Redis must not hold a page for long.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.fallback = LocMemCache(f"redis-fallback-{id(self)}", {"MAX_ENTRIES": 5000})
        self.breaker = CircuitBreaker("redis-cache", cooldown=cooldown)

    def _call(self, method: str, *args, **kwargs):
        if self.breaker.allow():
            try:
                result = getattr(super(), method)(*args, **kwargs)
            except (redis.exceptions.RedisError, OSError) as exc:
                self.breaker.failure()
                logger.warning("cache: Redis %s mislukt (%s), lokale terugval", method, exc.__class__.__name__)
            else:
                self.breaker.success()
                return result
        return getattr(self.fallback, method)(*args, **kwargs)

    def ping(self) -> None:
        """For the health check: raises when Redis itself does not answer (no fallback).
        Its outcome also opens or closes the circuit, so a health probe is a trial call."""
        try:
            self._cache.get_client(write=False).ping()
        except Exception:
            self.breaker.failure()
            raise
        self.breaker.success()

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        self.fallback.clear()
        return self._call("clear")
