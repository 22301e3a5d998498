"""E-mails carry the post, and answering one posts a reply: real RFC 822 messages through
``manage.py ontvang_reactie``, the real notification pipeline and PostgreSQL."""

import io
import os
import subprocess
import sys
import time
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies import services
from themagroepen.discussies.models import Reply
from themagroepen.models import Membership
from themagroepen.notificaties import replymail
from themagroepen.notificaties.management.commands import ontvang_reactie

pytestmark = pytest.mark.django_db

DOMAIN = "antwoord.kennisplatform.example"
BOUNCE_SUBJECT = "Uw reactie is niet geplaatst"


@pytest.fixture(autouse=True)
def _reply_domain(settings):
    settings.REPLY_BY_EMAIL_DOMAIN = DOMAIN


def _address(user, topic, token=None):
    return f"reactie+{token or replymail.reply_token(user.pk, topic.pk)}@{DOMAIN}"


def _message(sender, to, text, *, subject="Re: Tijdelijke verhuur", html=None, **headers) -> bytes:
    message = EmailMessage()
    message["From"] = f"Iemand <{sender}>"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="gemeente.example")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return bytes(message)


def _receive(raw: bytes) -> str:
    out = io.StringIO()
    call_command("ontvang_reactie", stdin=io.BytesIO(raw), stdout=out)
    return out.getvalue()


def _bounces(mailoutbox):
    return [m for m in mailoutbox if m.subject == BOUNCE_SUBJECT]


# "-- " (with its space) is the signature delimiter of RFC 3676.
QUOTED_REPLY = """Dank u, bij ons werkt leegstandsbeheer ook goed.

Wij hebben er drie panden mee gevuld.

Op di 1 dec. 2026 om 20:00 schreef Kennisplatform Leegstand <
reactie+abc@antwoord.kennisplatform.example>:

> Anne Jansen reageerde op “Tijdelijke verhuur”
> Bekijk het op Kennisplatform Leegstand

-- \nAnne Jansen
Gemeente Voorbeeld
"""


# --- outgoing ------------------------------------------------------------------------------------


def test_reply_email_carries_the_text_a_link_and_a_signed_reply_address(
    topic, lid, lid2, mailoutbox, django_capture_on_commit_callbacks
):
    body = "Wij gebruiken **antikraak** sinds 2024 & het bevalt.\n\n- minder inbraak\n- lagere kosten"
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.create_reply(topic, lid2, body)
    [message] = [m for m in mailoutbox if m.to == [lid.email]]
    assert "Wij gebruiken antikraak sinds 2024 & het bevalt." in message.body
    assert "- minder inbraak\n- lagere kosten" in message.body
    assert "<" not in message.body.split("Bekijk het")[0] and "**" not in message.body
    assert f"http://localhost:8000{topic.get_absolute_url()}?reactie={reply.pk}#reactie-{reply.pk}" in message.body
    [reply_to] = message.reply_to
    local, domain = reply_to.split("@")
    assert domain == DOMAIN and local.startswith("reactie+")
    assert replymail.read_reply_token(local.removeprefix("reactie+")) == (lid.pk, topic.pk)
    assert len(local) <= 64  # RFC 5321


def test_mention_email_carries_the_text_cut_to_an_excerpt(
    topic, lid, lid2, mailoutbox, django_capture_on_commit_callbacks
):
    from accounts.models import Profile

    Profile.objects.update_or_create(user=lid2, defaults={"handle": "bram"})
    long_text = "@bram " + "Leegstand vraagt om een lange adem. " * 100
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(topic, lid, long_text)
    [message] = [m for m in mailoutbox if m.to == [lid2.email]]
    assert "noemde u" in message.subject
    assert "@bram Leegstand vraagt om een lange adem." in message.body
    assert "…" in message.body and message.body.count("lange adem") < 100
    assert replymail.read_reply_token(message.reply_to[0].split("@")[0].removeprefix("reactie+")) == (
        lid2.pk,
        topic.pk,
    )


def test_without_a_reply_domain_there_is_no_reply_address(
    settings, topic, lid, lid2, mailoutbox, django_capture_on_commit_callbacks
):
    settings.REPLY_BY_EMAIL_DOMAIN = ""
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(topic, lid2, "Goed punt.")
    [message] = [m for m in mailoutbox if m.to == [lid.email]]
    assert message.reply_to == [] and "beantwoorden" not in message.body
    assert "Goed punt." in message.body


def test_a_hidden_reply_is_not_mailed_to_members(topic, lid, lid2, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply = services.create_reply(topic, lid2, "Geheim: dit wordt verborgen.")
    services.set_flag(reply, "hidden", True)  # hidden before the mail goes out
    for callback in callbacks:
        callback()
    assert not any("Geheim" in m.body for m in mailoutbox)


# --- inbound ------------------------------------------------------------------------------------


def test_a_valid_reply_is_posted_without_quote_and_signature(
    topic, lid, lid2, mailoutbox, django_capture_on_commit_callbacks
):
    raw = _message(lid2.email.upper(), _address(lid2, topic), QUOTED_REPLY)
    with django_capture_on_commit_callbacks(execute=True):
        assert "geplaatst" in _receive(raw)
    reply = Reply.objects.get(topic=topic)
    assert reply.author == lid2
    assert reply.body == "Dank u, bij ons werkt leegstandsbeheer ook goed.\n\nWij hebben er drie panden mee gevuld."
    assert "<p>Wij hebben er drie panden mee gevuld.</p>" in reply.html
    [listed] = services.topics_for_group(topic.themagroep, lid).topics
    assert listed.readable_reply_count == 1
    assert _bounces(mailoutbox) == []
    # The topic's author is told, as for a reply from the web form.
    assert any(m.to == [lid.email] and "Dank u" in m.body for m in mailoutbox)


def test_a_message_delivered_twice_is_posted_once(topic, lid2, mailoutbox):
    raw = _message(lid2.email, _address(lid2, topic), "Eén keer is genoeg.")
    assert "geplaatst in onderwerp" in _receive(raw)
    assert "al geplaatst" in _receive(raw)  # the mail server's retry
    assert Reply.objects.filter(topic=topic).count() == 1
    assert _bounces(mailoutbox) == []
    # Another message with the same text is a new reply.
    _receive(_message(lid2.email, _address(lid2, topic), "Eén keer is genoeg."))
    assert Reply.objects.filter(topic=topic).count() == 2


def test_a_case_folded_address_and_delivered_to_still_work(topic, lid2):
    address = _address(lid2, topic).upper()
    _receive(_message(lid2.email, "Themagroep <lijst@gemeente.example>", "Mee eens.", Delivered_To=address))
    assert Reply.objects.get(topic=topic).body == "Mee eens."


def test_an_html_only_reply_is_posted_as_its_text(topic, lid2):
    message = EmailMessage()
    message["From"] = lid2.email
    message["To"] = _address(lid2, topic)
    message["Subject"] = "Re: x"
    message.set_content("<p>Goed <b>idee</b>.</p><blockquote>oud</blockquote>", subtype="html")
    message.replace_header("Content-Type", 'text/html; charset="utf-8"')
    _receive(bytes(message))
    assert Reply.objects.get(topic=topic).body == "Goed idee."


def test_a_forged_signature_bounces_and_posts_nothing(topic, lid, lid2, mailoutbox):
    token = replymail.reply_token(lid2.pk, topic.pk)
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    other_user = f"{lid.pk}{token[token.index('.') :]}"  # someone else's id under lid2's signature
    for bad in (forged, other_user, "zomaar-iets"):
        _receive(_message(lid2.email, _address(lid2, topic, token=bad), "Dit mag niet."))
    assert not Reply.objects.exists()
    bounces = _bounces(mailoutbox)
    assert [b.to for b in bounces] == [[lid2.email]] * 3
    assert "Het reactieadres is ongeldig" in bounces[0].body
    assert "Geachte heer, mevrouw" in bounces[0].body
    assert bounces[0].extra_headers["Auto-Submitted"] == "auto-replied"


def test_an_expired_address_bounces(topic, lid2, mailoutbox):
    old = replymail.reply_token(lid2.pk, topic.pk, now=time.time() - replymail.MAX_AGE.total_seconds() - 60)
    _receive(_message(lid2.email, _address(lid2, topic, token=old), "Te laat."))
    assert not Reply.objects.exists()
    assert "verlopen" in _bounces(mailoutbox)[0].body


def test_a_sender_other_than_the_addressee_bounces(topic, lid2, buitenstaander, mailoutbox):
    _receive(_message(buitenstaander.email, _address(lid2, topic), "Ik doe me voor als Bram."))
    assert not Reply.objects.exists()
    [bounce] = _bounces(mailoutbox)
    assert bounce.to == [buitenstaander.email]
    assert "afzenderadres hoort niet bij het account" in bounce.body


def test_a_non_member_sender_bounces(topic, lid2, mailoutbox):
    Membership.objects.filter(user=lid2).delete()  # left the group after the mail
    _receive(_message(lid2.email, _address(lid2, topic), "Nog één ding."))
    assert not Reply.objects.exists()
    assert "geen lid (meer) van deze themagroep" in _bounces(mailoutbox)[0].body


def test_a_locked_topic_bounces(topic, lid2, mailoutbox):
    services.set_flag(topic, "locked", True)
    _receive(_message(lid2.email, _address(lid2, topic), "Toch nog even."))
    assert not Reply.objects.exists()
    assert "gesloten" in _bounces(mailoutbox)[0].body


def test_a_hidden_topic_bounces(topic, lid2, mailoutbox):
    services.set_flag(topic, "hidden", True)
    _receive(_message(lid2.email, _address(lid2, topic), "Hallo?"))
    assert not Reply.objects.exists()
    assert "niet meer lezen" in _bounces(mailoutbox)[0].body


def test_a_quoted_text_only_message_bounces(topic, lid2, mailoutbox):
    only_quote = "On Tue, Dec 1, 2026 at 8:00 PM Kennisplatform wrote:\n> Anne reageerde\n>\n> tekst\n\n-- \nBram"
    _receive(_message(lid2.email, _address(lid2, topic), only_quote))
    assert not Reply.objects.exists()
    assert "geen eigen tekst" in _bounces(mailoutbox)[0].body


def test_a_huge_message_bounces_without_being_parsed(topic, lid2, mailoutbox, monkeypatch):
    parse = ontvang_reactie.BytesParser.parsebytes

    def headers_only(self, text, headersonly=False):
        assert headersonly, "the whole message was parsed"
        return parse(self, text, headersonly)

    monkeypatch.setattr(ontvang_reactie.BytesParser, "parsebytes", headers_only)
    raw = _message(lid2.email, _address(lid2, topic), "Zie bijlage.\n" + "x" * 76 * 20_000)
    assert len(raw) > ontvang_reactie.MAX_BYTES
    _receive(raw)
    assert not Reply.objects.exists()
    [bounce] = _bounces(mailoutbox)
    assert bounce.to == [lid2.email] and "groter dan 1 MB" in bounce.body


def test_mailed_replies_share_the_web_forms_rate_limit(settings, topic, groep, lid2, mailoutbox):
    settings.PLATFORM_RATE_LIMITS = {"reply": "2/m/user"}
    url = reverse("themagroepen:discussies:reply", kwargs={"slug": groep.slug, "pk": topic.pk})
    response = client_for(lid2).post(url, {"body": "Via de website."})
    assert response.status_code == 302
    _receive(_message(lid2.email, _address(lid2, topic), "Per e-mail, de tweede."))
    _receive(_message(lid2.email, _address(lid2, topic), "Per e-mail, de derde."))
    assert list(Reply.objects.values_list("body", flat=True)) == ["Via de website.", "Per e-mail, de tweede."]
    assert "te vaak gedaan" in _bounces(mailoutbox)[0].body


def test_an_out_of_office_reply_is_neither_posted_nor_answered(topic, lid2, mailoutbox):
    _receive(_message(lid2.email, _address(lid2, topic), "Ik ben afwezig.", Auto_Submitted="auto-replied"))
    assert not Reply.objects.exists()
    assert _bounces(mailoutbox) == []


def test_input_that_is_no_email_exits_non_zero(topic):
    for raw in (b"", b"\x00\x01 geen e-mail"):
        with pytest.raises(CommandError) as refused:
            _receive(raw)
        assert refused.value.returncode == ontvang_reactie.EX_DATAERR
    assert not Reply.objects.exists()


def test_without_a_database_the_mail_server_is_asked_to_try_again(topic, lid2):
    """Through a real pipe, as Postfix runs it, with no PostgreSQL where the command looks."""
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://kennisplatform:kennisplatform@127.0.0.1:19249/kp_mailreply",
        "DB_POOL_TIMEOUT": "1",
    }
    raw = _message(lid2.email, _address(lid2, topic), "Nu even niet.")
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "ontvang_reactie"]
    finished = subprocess.run(command, input=raw, env=env, capture_output=True, timeout=120)
    assert finished.returncode == ontvang_reactie.EX_TEMPFAIL, finished.stderr[-500:]
    assert b"Tijdelijk niet te verwerken" in finished.stderr


def test_outlook_separator_and_on_wrote_are_stripped():
    text = "Prima.\r\n\r\n-----Oorspronkelijk bericht-----\r\nVan: Kennisplatform\r\nOnderwerp: x"
    assert replymail.strip_quoted(text) == "Prima."
    assert replymail.strip_quoted("Ja.\nOn Tue, 1 Dec 2026, X <a@b> wrote:\n> nee") == "Ja."
    assert (
        replymail.strip_quoted("Akkoord.\n\nVan: Kennisplatform <x@y>\nVerzonden: dinsdag\nOnderwerp: z") == "Akkoord."
    )
    # A line of one's own that merely looks like the start of a quote stays.
    assert replymail.strip_quoted("Op maandag besluiten wij:\n- a") == "Op maandag besluiten wij:\n- a"
    assert replymail.strip_quoted("Van: de gemeente kregen wij\ngeen antwoord.") == (
        "Van: de gemeente kregen wij\ngeen antwoord."
    )
