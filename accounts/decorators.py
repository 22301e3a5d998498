"""Member areas: signed in *and* a verified e-mail address.

Use ``@verified_required`` on function views and ``VerifiedRequiredMixin`` on class views.
Anonymous visitors go to the login page (and come back afterwards); signed-in accounts without
a verified address get a page explaining that they must verify first. The test is the same
one the access module uses for the ``authenticated`` read key.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from kennisplatform.access import is_verified

VERIFICATION_REQUIRED_URL_NAME = "accounts:verification_required"


def member_area_response(request):
    """None when the request may enter a member area, otherwise the redirect to send."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (is_verified(user) or user.is_superuser):
        return redirect(VERIFICATION_REQUIRED_URL_NAME)
    return None


def verified_required(view_func):
    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        response = member_area_response(request)
        if response is not None:
            return response
        return view_func(request, *args, **kwargs)

    return wrapper


class VerifiedRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        response = member_area_response(request)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)
