"""Reply by e-mail: the signed reply address a notification e-mail carries, and reading the text
of what comes back to it (``manage.py ontvang_reactie``).

The address is ``reactie+<token>@REPLY_BY_EMAIL_DOMAIN``. The token names one person and one
topic, with the time it was made, signed with ``django.core.signing`` (so SECRET_KEY_FALLBACKS
keep old addresses working after a key rotation). It uses only digits, lower-case letters and
dots: mail servers may fold the case of the local part, which base64 would not survive, and
the local part must stay within 64 characters.
"""

import re
import time
from datetime import timedelta
from email.message import EmailMessage
from email.utils import getaddresses

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from themagroepen.notificaties.emails import html_to_text

LOCAL_PART = "reactie"
MAX_AGE = timedelta(days=90)
# Headers a mail server leaves the address we were reached at in (To may be a list's address).
ADDRESS_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")

_SALT = "notificaties.reply-by-email"
_SIGNATURE_LENGTH = 24  # hex: 96 bits


class InvalidReplyAddress(Exception):
    pass


class ExpiredReplyAddress(InvalidReplyAddress):
    pass


class _CaseFoldSafeSigner(signing.Signer):
    """A Signer whose signature is lower-case hex instead of base64."""

    def signature(self, value, key=None):
        digest = salted_hmac(self.salt + "signer", value, key or self.key, algorithm=self.algorithm)
        return digest.hexdigest()[:_SIGNATURE_LENGTH]


def _signer():
    return _CaseFoldSafeSigner(salt=_SALT, sep=".", fallback_keys=settings.SECRET_KEY_FALLBACKS)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


def reply_token(user_id: int, topic_id: int, now: float | None = None) -> str:
    return _signer().sign(f"{user_id}.{topic_id}.{_base36(int(now or time.time()))}")


def read_reply_token(token: str, now: float | None = None) -> tuple[int, int]:
    """(user id, topic id) of a valid token; ``InvalidReplyAddress`` for a forged or mangled one,
    ``ExpiredReplyAddress`` for one older than ``MAX_AGE``."""
    try:
        user_id, topic_id, made = _signer().unsign(token.lower()).split(".")
        user_id, topic_id, made = int(user_id), int(topic_id), int(made, 36)
    except (signing.BadSignature, ValueError):
        raise InvalidReplyAddress from None
    if (now or time.time()) - made > MAX_AGE.total_seconds():
        raise ExpiredReplyAddress
    return user_id, topic_id


def reply_address(user, topic_id: int) -> str | None:
    """The Reply-To of a notification e-mail about a post in this topic; None when the feature is off."""
    domain = settings.REPLY_BY_EMAIL_DOMAIN
    if not domain:
        return None
    return f"{LOCAL_PART}+{reply_token(user.pk, topic_id)}@{domain}"


def token_in(message: EmailMessage) -> str | None:
    """The token of the first reply address among the recipient headers."""
    values = [str(value) for header in ADDRESS_HEADERS for value in message.get_all(header, [])]
    for _name, address in getaddresses(values):
        local, _at, _domain = address.rpartition("@")
        prefix, plus, token = local.partition("+")
        if plus and prefix.lower() == LOCAL_PART and token:
            return token
    return None


# --- the text of a reply -----------------------------------------------------------------------


class UnreadableBody(Exception):
    pass


def body_text(message: EmailMessage) -> str:
    """The text/plain part, else the text of the HTML part."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise UnreadableBody
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, KeyError) as error:  # unknown charset, bad encoding
        raise UnreadableBody from error
    if not isinstance(content, str):
        raise UnreadableBody
    if part.get_content_type() == "text/html":
        return html_to_text(_QUOTED_HTML_RE.sub("", content))
    return content


# Mail programs put the quoted original of an HTML reply in <blockquote> (sometimes nested).
_QUOTED_HTML_RE = re.compile(r"<blockquote\b.*</blockquote\s*>", re.IGNORECASE | re.DOTALL)


# Where the quoted original starts: "Op di 1 dec. 2026 om 10:00 schreef X <…>:", "On … wrote:"
# (mail programs may wrap these over two lines), Outlook's separators and header block.
_ATTRIBUTION_RE = re.compile(r"^\s*(op\s.+\sschreef\b.*|on\s.+\swrote)\s*:\s*$", re.IGNORECASE | re.DOTALL)
_SEPARATOR_RE = re.compile(
    r"^\s*(-{2,}\s*(original message|oorspronkelijk bericht|origineel bericht|doorgestuurd bericht)\s*-{2,}|_{10,})\s*$",
    re.IGNORECASE,
)
_SIGNATURE_RE = re.compile(r"^--\s?$")
# Outlook's quoted header block without a separator: "Van: …" directly above "Verzonden: …".
_HEADER_BLOCK_RE = re.compile(r"^\s*\*?(van|from)\s*:\*?\s.+\n\s*\*?(verzonden|datum|sent|date)\s*:", re.IGNORECASE)


def strip_quoted(text: str) -> str:
    """The person's own words: without quoted lines (">"), the quoted original under an
    attribution line or separator, and the signature ("-- " and below)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _SIGNATURE_RE.match(line) or _SEPARATOR_RE.match(line) or _HEADER_BLOCK_RE.match(f"{line}\n{following}"):
            break
        if _ATTRIBUTION_RE.match(line) or (
            re.match(r"^\s*(op|on)\s", line, re.IGNORECASE) and _ATTRIBUTION_RE.match(f"{line} {following}")
        ):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()
