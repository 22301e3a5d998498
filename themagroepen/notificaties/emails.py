"""Building notification e-mails, each with a one-click unsubscribe (RFC 8058)."""

import re
from datetime import timedelta
from html import unescape

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

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


# Block ends become line breaks and list items dashes, so paragraphs survive as plain text.
# Line breaks of the HTML source between tags are layout, not text.
_BETWEEN_TAGS_RE = re.compile(r">\s*\n\s*<")
_BREAK_RE = re.compile(r"<br\s*/?>|</li>|</tr>|</(p|div|h[1-6]|blockquote|pre|ul|ol|table)>", re.IGNORECASE)
_ITEM_RE = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BLANK_LINES_RE = re.compile(r"\n\s*\n\s*(\n\s*)+")
EXCERPT_LENGTH = 1500  # characters; the link leads to the rest


def html_to_text(html: str) -> str:
    """Plain text of (sanitised) HTML: no markup, entities decoded, at most one blank line."""
    text = _BETWEEN_TAGS_RE.sub("> <", html or "")
    text = _ITEM_RE.sub("- ", _BREAK_RE.sub(lambda m: "\n\n" if m.group(1) else "\n", text))
    text = unescape(strip_tags(text))
    lines = "\n".join(line.strip() for line in text.splitlines())
    return _BLANK_LINES_RE.sub("\n\n", lines).strip()


def excerpt(html: str) -> str:
    return Truncator(html_to_text(html)).chars(EXCERPT_LENGTH, truncate="…")


def build_message(
    user, *, subject: str, template: str, context: dict, reply_to: str | None = None
) -> EmailMultiAlternatives:
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
        reply_to=[reply_to] if reply_to else None,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    return message
