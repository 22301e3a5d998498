"""Rate limits for the open-data API, read from ``settings.OPEN_DATA_THROTTLE_RATES`` per call
(DRF copies its own rate table at import time, which would ignore later settings)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class OpenDataAnonThrottle(AnonRateThrottle):
    scope = "open_data_anon"

    def get_rate(self):
        return settings.OPEN_DATA_THROTTLE_RATES["anon"]


class OpenDataUserThrottle(UserRateThrottle):
    """Signed-in readers are counted per account (and get a higher limit)."""

    scope = "open_data_user"

    def get_rate(self):
        return settings.OPEN_DATA_THROTTLE_RATES["user"]

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None  # counted by the anonymous throttle
        return super().get_cache_key(request, view)
