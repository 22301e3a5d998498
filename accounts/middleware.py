"""Require two-step verification (TOTP) for moderators, editors and admins when configured.

With ``MFA_REQUIRED_FOR_STAFF`` on, such an account can only reach the MFA set-up pages (and
sign out) until an authenticator app is active. A positive check is remembered in the session
for a few minutes so ordinary page views cost no extra queries.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from accounts import services

SESSION_KEY = "accounts.mfa_ok_until"
RECHECK_SECONDS = 300


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "MFA_REQUIRED_FOR_STAFF", False)
            and request.user.is_authenticated
            and not self._exempt(request.path)
        ):
            if not self._mfa_ok(request):
                messages.warning(
                    request,
                    "Met uw rol ({}) is tweestapsverificatie verplicht. Stel eerst een authenticator-app in.".format(
                        ", ".join(services.staff_roles(request.user))
                    ),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = (
            reverse("mfa_index"),
            reverse("account_logout"),
            reverse("account_reauthenticate"),
            reverse("account_login"),
            settings.STATIC_URL,
            "/health/",
        )
        return path.startswith(allowed)

    @staticmethod
    def _mfa_ok(request) -> bool:
        now = time.time()
        if request.session.get(SESSION_KEY, 0) > now:
            return True
        ok = not services.staff_roles(request.user) or services.has_mfa(request.user)
        if ok:
            request.session[SESSION_KEY] = now + RECHECK_SECONDS
        return ok
