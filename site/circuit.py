"""A small circuit breaker for calls to a secondary service (Redis, Elasticsearch).

After ``threshold`` consecutive failures the circuit opens: callers skip the service at once
(and use their fallback) for ``cooldown`` seconds. Then one caller may try again (half-open);
its success closes the circuit, its failure opens it for another cooldown. So a frozen
service costs one timeout per cooldown per process, not one per request, and a service that
comes back is used again within ``cooldown`` seconds without anyone intervening.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)


class CircuitBreaker:
    def __init__(self, name: str, *, threshold: int = 1, cooldown: float = 5.0, clock=time.monotonic):
        self.name = name
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            return "half-open" if self._clock() - self._opened_at >= self.cooldown else "open"

    def allow(self) -> bool:
        """May the caller use the service now? While open: no; after the cooldown: one trial."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._clock() - self._opened_at < self.cooldown or self._trial_running:
                return False
            self._trial_running = True
            return True

    def success(self) -> None:
        with self._lock:
            if self._opened_at is not None:
                logger.warning("%s: weer bereikbaar, circuit gesloten", self.name)
            self._failures, self._opened_at, self._trial_running = 0, None, False

    def failure(self) -> None:
        with self._lock:
            self._failures += 1
            self._trial_running = False
            if self._failures >= self.threshold:
                if self._opened_at is None:
                    logger.warning("%s: onbereikbaar, circuit open voor %s s", self.name, self.cooldown)
                self._opened_at = self._clock()

    def reset(self) -> None:
        self.success()
