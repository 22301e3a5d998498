"""How long the signed-in session still lasts, and a way to extend it (WCAG 2.2.1).

A session is saved (and its expiry moved on) only when it changes, so the seconds left are read
from the stored row, not from ``get_expiry_age()``, which counts from *now* and would promise a
full session to a page opened eleven hours after login.
"""

import math

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST


def seconds_left(request) -> int:
    session = request.session
    if session.modified or not session.session_key:
        return session.get_expiry_age()  # saved at the end of this response, from now
    expires = session.model.objects.filter(session_key=session.session_key).values_list("expire_date", flat=True)
    expire_date = expires.first()
    if expire_date is None:
        return session.get_expiry_age()
    # Rounded up: the page must not call the session ended while the server still honours it.
    return max(0, math.ceil((expire_date - timezone.now()).total_seconds()))


@require_POST
def extend(request):
    """POST (with CSRF): a full session length again, from now. 401 once it has already ended."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Uw sessie is verlopen. Log opnieuw in."}, status=401)
    session = request.session
    # Keep "ends with the browser" as it was (allauth's ACCOUNT_SESSION_REMEMBER); a shortened
    # session gets the site's normal length back.
    session.set_expiry(0 if session.get_expire_at_browser_close() else None)
    session.modified = True
    return JsonResponse({"seconds_left": session.get_expiry_age()})
