"""Building notification e-mails, each with a one-click unsubscribe (RFC 8058)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

_UNSUBSCRIBE_SALT = "notificaties.unsubscribe"
# A link in an old e-mail stops working after this; the preferences page always works.
UNSUBSCRIBE_MAX_AGE = timedelta(days=60)


class ExpiredToken(Exception):
    pass


def unsubscribe_token(user) -> str:
    """Signed and timestamped (``signing.dumps``); checked with ``UNSUBSCRIBE_MAX_AGE``."""
    return signing.dumps({"u": user.pk}, salt=_UNSUBSCRIBE_SALT, compress=True)


def user_id_from_token(token: str) -> int | None:
    """The account of a valid link; None for a forged one; ``ExpiredToken`` for an old one."""
    try:
        return int(signing.loads(token, salt=_UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)["u"])
    except signing.SignatureExpired:
        raise ExpiredToken from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def unsubscribe_url(user) -> str:
    return absolute(reverse("notificaties:unsubscribe", kwargs={"token": unsubscribe_token(user)}))


def build_message(user, *, subject: str, template: str, context: dict) -> EmailMultiAlternatives:
    unsubscribe = unsubscribe_url(user)
    context = {
        **context,
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notificaties:preferences")),
    }
    body = render_to_string(f"notificaties/email/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    return message
