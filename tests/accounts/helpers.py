"""Helpers shared by the accounts tests: links from outgoing mail, TOTP codes."""

import re
import time

from django.core import mail

LINK_RE = re.compile(r"https?://[^\s<>\"]+")


def links_in_last_mail(to: str) -> list[str]:
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"no e-mail sent to {to}; outbox: {[(m.to, m.subject) for m in mail.outbox]}"
    return LINK_RE.findall(messages[-1].body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def current_totp(secret: str, offset: int = 0) -> str:
    """The code an authenticator app shows now, computed with allauth's own helpers."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))


def wait_for_fresh_totp_window(min_seconds_left: int = 5) -> None:
    """Avoid generating a code that expires while the request is on its way."""
    from allauth.mfa import app_settings

    left = app_settings.TOTP_PERIOD - int(time.time()) % app_settings.TOTP_PERIOD
    if left < min_seconds_left:
        time.sleep(left + 0.2)
