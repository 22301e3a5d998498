"""Reply by e-mail, inbound: the mail server pipes one message (RFC 822) into this command.

A message to a valid reply address (``notificaties.replymail``) from the address of the person
it was made for becomes a reply through ``discussies.services.create_reply``, after the reply
form's own checks (``guards.reply_refusal``, ``ReplyForm``). Anything else is answered with a
Dutch bounce to the sender and exit status 0, so the mail server does not bounce it again; input
that is not an e-mail at all (nothing to post, nobody to tell) exits 65 (EX_DATAERR: the mail
server bounces it), a database or SMTP failure 75 (EX_TEMPFAIL: the mail server tries again).
Automatic mail (out-of-office replies, bounces, lists) is dropped without a bounce: answering
it could loop, and it must never be posted.
"""

import hashlib
import logging
import sys
from email import policy
from email.errors import MessageError
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage as OutgoingMessage
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kennisplatform import ratelimit
from themagroepen.discussies import services
from themagroepen.discussies.forms import ReplyForm
from themagroepen.discussies.guards import ReplyRefusal, reply_refusal
from themagroepen.discussies.models import Topic
from themagroepen.notificaties import replymail
from themagroepen.notificaties.models import MailedReply
from themagroepen.services import verified_emails

logger = logging.getLogger(__name__)

EX_DATAERR, EX_TEMPFAIL = 65, 75  # sysexits.h, as Postfix's pipe(8) reads them
MAX_BYTES = 1024 * 1024  # larger messages are refused before they are parsed
_DRAIN_CHUNK = 64 * 1024
_HEADER_BYTES = 64 * 1024  # of a refused message, only this much is read for its sender


class Refused(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _reasons():
    return {
        "too_big": _(
            "Uw e-mail is groter dan %(mb)s MB. Stuur alleen de tekst van uw reactie, zonder bijlagen, "
            "of reageer op de website."
        )
        % {"mb": MAX_BYTES // (1024 * 1024)},
        "no_address": _(
            "Het adres waaraan u schreef hoort niet bij een melding. Gebruik ‘Beantwoorden’ bij een e-mail "
            "over een melding."
        ),
        "forged": _(
            "Het reactieadres is ongeldig. Gebruik ‘Beantwoorden’ bij de oorspronkelijke e-mail en wijzig "
            "het adres niet."
        ),
        "expired": _("Het reactieadres is verlopen. Reageer op de website of beantwoord een recentere e-mail."),
        "unknown_sender": _(
            "Uw afzenderadres hoort niet bij het account waarvoor de melding bestemd was. Antwoord vanaf "
            "het adres waarop u de melding ontving."
        ),
        ReplyRefusal.NOT_MEMBER: _("U bent geen lid (meer) van deze themagroep. Alleen leden kunnen reageren."),
        ReplyRefusal.UNREADABLE: _("Het onderwerp bestaat niet meer of u kunt het niet meer lezen."),
        ReplyRefusal.LOCKED: _("Het onderwerp is gesloten. Er kunnen geen reacties meer bij."),
        "unreadable_body": _("Wij konden de tekst van uw e-mail niet lezen. Stuur uw reactie als gewone tekst."),
        "too_many": _(ratelimit.MESSAGE),
        "empty": _(
            "Wij vonden in uw e-mail geen eigen tekst, alleen geciteerde tekst of een handtekening. "
            "Schrijf uw reactie boven de geciteerde tekst."
        ),
    }


class Command(BaseCommand):
    help = (
        "Lees één e-mail (RFC 822) van standaardinvoer en plaats die als reactie op het onderwerp van het "
        "reactieadres; anders krijgt de afzender een bericht waarom niet. Voor de mailserver: "
        "'| manage.py ontvang_reactie'."
    )
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        try:
            return self._receive(options.get("stdin") or sys.stdin.buffer)
        except (DatabaseError, OSError) as error:  # nothing was posted: the mail server retries
            raise CommandError(f"Tijdelijk niet te verwerken: {error}", returncode=EX_TEMPFAIL) from error
        except MessageError as error:  # headers beyond repair: nobody to answer either
            raise CommandError(f"Onleesbare e-mail: {error}", returncode=EX_DATAERR) from error

    def _receive(self, stdin):
        data = stdin.read(MAX_BYTES + 1)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        if len(data) > MAX_BYTES:
            while stdin.read(_DRAIN_CHUNK):  # the mail server expects the whole message to be taken
                pass
            headers = BytesHeaderParser(policy=policy.default).parsebytes(data[:_HEADER_BYTES])
            return self._bounce(headers, "too_big")
        message = BytesParser(policy=policy.default).parsebytes(data)
        if not _sender(message):
            raise CommandError(
                "Geen e-mail met een afzender op standaardinvoer: niets geplaatst.", returncode=EX_DATAERR
            )
        if _is_automatic(message):
            self.stdout.write("Automatisch bericht genegeerd.")
            return None
        earlier = _posted_before(message)
        if earlier is not None:
            # The mail server delivered it again (a retry after a lost answer): once is enough.
            self.stdout.write(f"Reactie {earlier.reply_id} was al geplaatst; dubbele aflevering genegeerd.")
            return None
        try:
            with transaction.atomic():
                reply = _post(message)
                _remember(message, reply)
        except Refused as refused:
            return self._bounce(message, refused.reason, refused.detail)
        except IntegrityError:
            self.stdout.write("Deze e-mail is tegelijk al verwerkt; dubbele aflevering genegeerd.")
            return None
        self.stdout.write(f"Reactie {reply.pk} geplaatst in onderwerp {reply.topic_id}.")
        return None

    def _bounce(self, message, reason: str, detail: str = ""):
        sender = _sender(message)
        if not sender or _is_automatic(message):
            self.stdout.write(f"Geweigerd ({reason}), niemand om te antwoorden.")
            return
        bounce = OutgoingMessage(
            subject=_("Uw reactie is niet geplaatst"),
            body=render_to_string(
                "notificaties/email/reply_bounce.txt",
                {
                    "reason": detail or _reasons()[reason],
                    "subject": str(message.get("Subject", "")),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                },
            ),
            to=[sender],
            headers={"Auto-Submitted": "auto-replied", **_in_reply_to(message)},
        )
        bounce.send()
        logger.info("reactie per e-mail geweigerd: %s", reason)
        self.stdout.write(f"Geweigerd ({reason}); de afzender is bericht gestuurd.")


def _message_key(message) -> str | None:
    message_id = str(message.get("Message-ID", "")).strip()
    return hashlib.sha256(message_id.encode()).hexdigest() if message_id else None


def _posted_before(message):
    key = _message_key(message)
    return MailedReply.objects.filter(message_key=key).first() if key else None


def _remember(message, reply) -> None:
    if key := _message_key(message):
        MailedReply.objects.create(message_key=key, reply=reply)


def _post(message: EmailMessage):
    token = replymail.token_in(message)
    if token is None:
        raise Refused("no_address")
    try:
        user_id, topic_id = replymail.read_reply_token(token)
    except replymail.ExpiredReplyAddress:
        raise Refused("expired") from None
    except replymail.InvalidReplyAddress:
        raise Refused("forged") from None
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or _sender(message) not in verified_emails(user):
        raise Refused("unknown_sender")
    topic = Topic.objects.select_related("themagroep").filter(pk=topic_id).first()
    if topic is None:
        raise Refused(ReplyRefusal.UNREADABLE)
    if refusal := reply_refusal(user, topic):
        raise Refused(refusal)
    try:
        text = replymail.strip_quoted(replymail.body_text(message))
    except replymail.UnreadableBody:
        raise Refused("unreadable_body") from None
    if not text:
        raise Refused("empty")
    form = ReplyForm({"body": text})
    if not form.is_valid():  # too long, as in the web form
        raise Refused("form", " ".join(form.errors["body"]))
    if not ratelimit.consume_for(user, "reply"):
        raise Refused("too_many")
    return services.create_reply(topic, user, form.cleaned_data["body"])


def _sender(message) -> str:
    """The From address, lower case; empty when there is none."""
    try:
        addresses = getaddresses([str(value) for value in message.get_all("From", [])])
    except (TypeError, ValueError):
        return ""
    return next((address.lower() for _name, address in addresses if "@" in address), "")


def _is_automatic(message) -> bool:
    """Out-of-office replies, delivery reports and list mail (RFC 3834 and common practice)."""
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    sender = _sender(message)
    return (
        auto != "no"
        or precedence in {"bulk", "junk", "list", "auto_reply"}
        or message.get("X-Autoreply") is not None
        or sender.startswith(("mailer-daemon@", "postmaster@"))
    )


def _in_reply_to(message) -> dict:
    message_id = str(message.get("Message-ID", "")).strip()
    if not message_id or "\n" in message_id or "\r" in message_id:
        return {}
    return {"In-Reply-To": message_id, "References": message_id}
