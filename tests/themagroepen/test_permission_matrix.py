"""Permission matrix: every URL of the themagroepen, discussies, bestanden, bijeenkomsten and notificaties
URLconfs, for each kind of person, with the exact status code they must get.

Roles: an anonymous visitor, a signed-in account whose e-mail address was never confirmed
(``onbevestigd``: holds only the public key), a signed-in verified official who is not a member
(``buiten``), a member (``lid``), the group's beheerder, a beheerder of *another* group
(``ander``) and a site admin. The group is besloten (its existence and introduction are public, its content is not).
A second test proves that a verborgen group is indistinguishable from a group that does not
exist for everyone who is not a member. Each request runs in a savepoint that is rolled back,
so one POST cannot change what the next request sees.

A URL added to one of the URLconfs without a row here fails ``test_matrix_covers_every_url``.
The live sockets have their own matrix: ``tests/themagroepen_discussies/test_websocket_matrix.py``.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, resolve, reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kennisplatform import access
from tests.conftest import make_verified_user
from tests.kennisbank.conftest import kb, reference_data  # noqa: F401  (the kennisbank tree fixture)
from tests.themagroepen.conftest import make_group
from themagroepen import services as membership_services
from themagroepen.models import JoinRequest, Membership, Role, Visibility
from themagroepen.notificaties import emails
from themagroepen.notificaties.services import notify

pytestmark = pytest.mark.django_db

ROLES = ("anon", "onbevestigd", "buiten", "lid", "beheerder", "ander", "admin")
# Membership and notification pages (``@verified_required``) send an unverified account where
# anonymous visitors are sent to sign in: to the page asking to confirm the address first.
VERIFIED_AREAS = ("themagroepen.membership_views", "themagroepen.notificaties.views")


def codes(anon, buiten, lid, beheerder, ander, admin, *, onbevestigd=None):
    """Status per role. Unless stated, an unverified account gets what an outsider gets (it holds
    only the public key), or the confirm-first redirect in the VERIFIED_AREAS."""
    values = dict(anon=anon, buiten=buiten, lid=lid, beheerder=beheerder, ander=ander, admin=admin)
    return {"onbevestigd": buiten if onbevestigd is None else onbevestigd, **values}


def expected_status(expected, role, url) -> int:
    defaulted = expected["onbevestigd"] == expected["buiten"]  # not stated for this row
    if (
        role == "onbevestigd"
        and defaulted
        and expected["anon"] == 302
        and resolve(url).func.__module__ in VERIFIED_AREAS
    ):
        return 302
    return expected[role]


# Frequent rows: public; signed in only; members only; beheerders only (members get 403).
PUBLIC = codes(200, 200, 200, 200, 200, 200)
SIGNED_IN = codes(302, 200, 200, 200, 200, 200)
SIGNED_IN_POST = codes(302, 302, 302, 302, 302, 302)
# Signed-in people who may know the (besloten) group but not read its content get 403: the
# members-only page that offers to join (a verborgen group stays 404, see the second test).
MEMBERS = codes(302, 403, 200, 200, 403, 200)
MEMBERS_POST = codes(302, 403, 302, 302, 403, 302)
MEMBERS_NO_LOGIN = codes(404, 403, 200, 200, 403, 200)  # e.g. .ics: anonymous gets 404, no login page
BEHEER = codes(302, 403, 403, 200, 403, 200)
BEHEER_POST = codes(302, 403, 403, 302, 403, 302)
LID_ONLY = codes(302, 404, 302, 404, 404, 404)  # the lid's own notification


def k(**kwargs):
    """kwargs for reverse(); values are attribute paths into the world (``"topic.pk"``)."""
    return kwargs


# name: (method, kwargs, expected)
MATRIX = {
    # --- themagroepen ---------------------------------------------------------------------------
    "themagroepen:list": ("get", k(), PUBLIC),
    "themagroepen:redeem_code": ("get", k(), SIGNED_IN),
    "themagroepen:invitations": ("get", k(), SIGNED_IN),
    # The invitation is addressed to buiten; for anybody else it does not exist.
    "themagroepen:answer_invitation": ("post", k(pk="invitation.pk"), codes(302, 302, 404, 404, 404, 404)),
    "themagroepen:detail": ("get", k(slug="group.slug"), PUBLIC),
    # Members are sent back to the group page; others see the request form.
    "themagroepen:join": ("get", k(slug="group.slug"), codes(302, 200, 302, 302, 200, 200)),
    "themagroepen:withdraw_request": ("post", k(slug="group.slug"), codes(302, 302, 302, 302, 302, 302)),
    "themagroepen:leave": ("get", k(slug="group.slug"), MEMBERS),
    "themagroepen:members": ("get", k(slug="group.slug"), MEMBERS),
    "themagroepen:change_role": ("post", k(slug="group.slug", pk="lid_membership.pk"), BEHEER_POST),
    "themagroepen:remove_member": ("post", k(slug="group.slug", pk="lid_membership.pk"), BEHEER_POST),
    "themagroepen:requests": ("get", k(slug="group.slug"), BEHEER),
    "themagroepen:decide_request": ("post", k(slug="group.slug", pk="join_request.pk"), BEHEER_POST),
    "themagroepen:invite": ("get", k(slug="group.slug"), BEHEER),
    "themagroepen:revoke_invitation": ("post", k(slug="group.slug", pk="invitation.pk"), BEHEER_POST),
    "themagroepen:resend_invitation": ("post", k(slug="group.slug", pk="invitation.pk"), BEHEER_POST),
    # The signed link in the e-mail to buiten: anonymous visitors are sent to log in (the address
    # has an account); any other signed-in person is told it is meant for another address.
    "themagroepen:accept_invitation": (
        "get",
        k(token="invitation_token"),
        codes(302, 200, 403, 403, 403, 403, onbevestigd=403),
    ),
    "themagroepen:create_join_code": ("post", k(slug="group.slug"), BEHEER_POST),
    "themagroepen:revoke_join_code": ("post", k(slug="group.slug", pk="join_code.pk"), BEHEER_POST),
    # --- notificaties ---------------------------------------------------------------------------
    "notificaties:list": ("get", k(), SIGNED_IN),
    "notificaties:mark_all_read": ("post", k(), SIGNED_IN_POST),
    "notificaties:preferences": ("get", k(), SIGNED_IN),
    # The signed token is the authorisation (one-click unsubscribe from an e-mail).
    "notificaties:unsubscribe": ("get", k(token="unsubscribe_token"), PUBLIC),
    "notificaties:open": ("get", k(pk="notification.pk"), LID_ONLY),
    "notificaties:mark_read": ("post", k(pk="notification.pk"), LID_ONLY),
}

DISCUSSIES = {
    "list": ("get", k(slug="group.slug"), MEMBERS),
    "create": ("get", k(slug="group.slug"), MEMBERS),
    "mark_read": ("post", k(slug="group.slug"), MEMBERS_POST),
    "preview": ("post", k(slug="group.slug"), MEMBERS),
    "mention_suggestions": ("get", k(slug="group.slug"), MEMBERS),
    "reports": ("get", k(slug="group.slug"), BEHEER),
    # Posted without an outcome: beheerders get the queue back with its errors (200).
    "report_resolve": ("post", k(slug="group.slug", report_id="report.pk"), BEHEER),
    "attachment": ("get", k(slug="group.slug", attachment_id="topic_attachment.pk"), MEMBERS),
    "topic": ("get", k(slug="group.slug", pk="topic.pk", topic_slug="topic.slug"), MEMBERS),
    # An empty reply: members get the form back with its error (400).
    "reply": ("post", k(slug="group.slug", pk="topic.pk"), codes(302, 403, 400, 400, 403, 400)),
    # The topic is the lid's: the author and beheerders may edit it.
    "topic_edit": ("get", k(slug="group.slug", pk="topic.pk"), MEMBERS),
    "topic_history": ("get", k(slug="group.slug", pk="topic.pk"), MEMBERS),
    "topic_useful": ("post", k(slug="group.slug", pk="topic.pk"), MEMBERS_POST),
    "follow": ("post", k(slug="group.slug", pk="topic.pk"), MEMBERS_POST),
    "topic_report": ("get", k(slug="group.slug", pk="topic.pk"), MEMBERS),
    "topic_moderate": ("post", k(slug="group.slug", pk="topic.pk"), BEHEER_POST),
    "topic_move": ("get", k(slug="group.slug", pk="topic.pk"), BEHEER),
    "reply_fragment": ("get", k(slug="group.slug", reply_id="reply.pk"), MEMBERS),
    # The reply is the beheerder's: a lid may not edit it.
    "reply_edit": ("get", k(slug="group.slug", reply_id="reply.pk"), BEHEER),
    "reply_history": ("get", k(slug="group.slug", reply_id="reply.pk"), MEMBERS),
    "reply_useful": ("post", k(slug="group.slug", reply_id="reply.pk"), MEMBERS_POST),
    # The lid started the topic, so may mark the solution, as may beheerders.
    "reply_solution": ("post", k(slug="group.slug", reply_id="reply.pk"), MEMBERS_POST),
    "reply_report": ("get", k(slug="group.slug", reply_id="reply.pk"), MEMBERS),
    "reply_moderate": ("post", k(slug="group.slug", reply_id="reply.pk"), BEHEER_POST),
    # The topic has no solution yet: beheerders get the page that says so.
    "topic_propose": ("get", k(slug="group.slug", pk="topic.pk"), BEHEER),
    "topic_pages": ("get", k(slug="group.slug", pk="topic.pk"), BEHEER),
    # Only the topic's author (the lid) answers; for everybody else the request does not exist.
    "proposal_answer": ("get", k(slug="group.slug", proposal_id="proposal.pk"), codes(302, 403, 200, 404, 403, 404)),
}
MATRIX.update({f"themagroepen:discussies:{name}": row for name, row in DISCUSSIES.items()})

BIJEENKOMSTEN = {
    "agenda": ("get", k(), PUBLIC),
    "feed_settings": ("get", k(), SIGNED_IN),
    "feed": ("get", k(token="feed_token"), PUBLIC),
    # The group's public announcements list: readable by all who may see the group.
    "group_list": ("get", k(slug="group.slug"), PUBLIC),
    "create": ("get", k(slug="group.slug"), BEHEER),
    "edit": ("get", k(slug="group.slug", pk="bijeenkomst.pk"), BEHEER),
    "series_ics": ("get", k(slug="group.slug", pk="bijeenkomst.pk"), MEMBERS_NO_LOGIN),
    "detail": ("get", k(slug="group.slug", pk="occurrence.pk"), MEMBERS_NO_LOGIN),
    "register": ("get", k(slug="group.slug", pk="occurrence.pk"), MEMBERS),
    "cancel": ("post", k(slug="group.slug", pk="occurrence.pk"), MEMBERS_POST),
    "participants": ("get", k(slug="group.slug", pk="occurrence.pk"), BEHEER),
    "participants_csv": ("get", k(slug="group.slug", pk="occurrence.pk"), BEHEER),
    "ics": ("get", k(slug="group.slug", pk="occurrence.pk"), MEMBERS_NO_LOGIN),
    "verslag": ("get", k(slug="group.slug", pk="occurrence.pk"), BEHEER),
    "attachment_delete": (
        "post",
        k(slug="group.slug", pk="occurrence.pk", attachment_pk="event_attachment.pk"),
        BEHEER_POST,
    ),
    "attachment": (
        "get",
        k(
            slug="group.slug",
            pk="occurrence.pk",
            attachment_pk="event_attachment.pk",
            filename="event_attachment.filename",
        ),
        MEMBERS_NO_LOGIN,
    ),
    "start_discussion": ("post", k(slug="group.slug", pk="occurrence.pk"), BEHEER_POST),
}
MATRIX.update({f"bijeenkomsten:{name}": row for name, row in BIJEENKOMSTEN.items()})

# The group library: the lid made the folder, the beheerder uploaded the file (so a lid may read
# and download it, but not replace, change or delete it).
BESTANDEN = {
    "library": ("get", k(slug="group.slug"), MEMBERS),
    "upload": ("get", k(slug="group.slug"), MEMBERS),
    "folder_create": ("get", k(slug="group.slug"), MEMBERS),
    "folder": ("get", k(slug="group.slug", folder_id="folder.pk"), MEMBERS),
    "folder_edit": ("get", k(slug="group.slug", folder_id="folder.pk"), MEMBERS),
    "folder_delete": ("get", k(slug="group.slug", folder_id="folder.pk"), MEMBERS),
    "file": ("get", k(slug="group.slug", file_id="groupfile.pk"), MEMBERS),
    "download": ("get", k(slug="group.slug", file_id="groupfile.pk"), MEMBERS),
    "version": ("get", k(slug="group.slug", file_id="groupfile.pk", number="file_version.number"), MEMBERS),
    "new_version": ("get", k(slug="group.slug", file_id="groupfile.pk"), BEHEER),
    "file_edit": ("get", k(slug="group.slug", file_id="groupfile.pk"), BEHEER),
    "file_delete": ("get", k(slug="group.slug", file_id="groupfile.pk"), BEHEER),
}
MATRIX.update({f"themagroepen:bestanden:{name}": row for name, row in BESTANDEN.items()})

URLCONFS = ("themagroepen.urls", "themagroepen.bijeenkomsten.urls", "themagroepen.notificaties.urls")


def _names(patterns, namespace):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(
                pattern.url_patterns, f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}"


def all_url_names() -> set[str]:
    from importlib import import_module

    names = set()
    for urlconf in URLCONFS:
        module = import_module(urlconf)
        names.update(_names(module.urlpatterns, module.app_name))
    return names


# --- the world ----------------------------------------------------------------------------------


class World(dict):
    def resolve(self, path: str):
        name, _, attribute = path.partition(".")
        value = self[name]
        return getattr(value, attribute) if attribute else value


def build_group_content(world: World, group, beheerder, lid):
    """Membership objects, a topic with reply, attachment and report, and a members-only meeting."""
    from themagroepen.bijeenkomsten.models import Attachment as EventAttachment
    from themagroepen.bijeenkomsten.models import Bijeenkomst
    from themagroepen.discussies import services as discussies
    from themagroepen.discussies.models import Attachment, KennisbankProposal

    world["group"] = group
    world["lid_membership"] = Membership.objects.get(themagroep=group, user=lid)
    # Made directly: in a verborgen group nobody can ask, but the row must exist for the check.
    world["join_request"] = JoinRequest.objects.create(
        themagroep=group, user=world["buiten_user"], motivation="Graag lid"
    )
    world["invitation"] = membership_services.invite(group, world["buiten_user"].email, by=beheerder)
    world["invitation_token"] = membership_services.invitation_token(world["invitation"])
    world["join_code"] = membership_services.create_join_code(
        group, by=beheerder, expires_at=timezone.now() + timedelta(days=5), max_uses=3
    )

    topic = discussies.create_topic(group, lid, "Ervaringen met de leegstandverordening", "Wie heeft ervaring?")
    world["topic"] = topic
    world["reply"] = discussies.create_reply(topic, beheerder, "Wij in Utrecht.")
    world["topic_attachment"] = Attachment.objects.create(
        topic=topic,
        uploader=lid,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="notitie.pdf"),
        name="notitie.pdf",
        content_type="application/pdf",
        size=15,
    )
    world["report"] = discussies.report(lid, topic, world["reply"], "Klopt niet")
    world["proposal"] = KennisbankProposal.objects.create(topic=topic, kind="veelgestelde-vraag", proposed_by=beheerder)

    start = timezone.now() + timedelta(days=10)
    bijeenkomst = Bijeenkomst.objects.create(
        themagroep=group,
        title="Themabijeenkomst",
        start=start,
        end=start + timedelta(hours=2),
        place="Utrecht",
        organiser=beheerder,
        recurrence_rule="FREQ=MONTHLY;INTERVAL=6;COUNT=2",
    )
    world["bijeenkomst"] = bijeenkomst
    world["occurrence"] = occurrence = bijeenkomst.occurrences.order_by("start").first()
    world["event_attachment"] = EventAttachment.objects.create(
        occurrence=occurrence,
        title="Presentatie",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="presentatie.pdf"),
        uploaded_by=beheerder,
    )
    from themagroepen.bijeenkomsten import services as bijeenkomsten

    bijeenkomsten.register(lid, occurrence)

    from django.core.files.uploadedfile import SimpleUploadedFile

    from themagroepen.bestanden import services as bestanden

    world["folder"] = bestanden.create_folder(group, lid, "Verordeningen")
    world["groupfile"] = bestanden.upload_file(
        group, beheerder, SimpleUploadedFile("model.pdf", b"%PDF-1.4\n%%EOF\n"), folder=world["folder"]
    )
    world["file_version"] = world["groupfile"].versions.get()
    return world


@pytest.fixture
def world(db):
    world = World()
    group = make_group("Leegstand en herbestemmen", visibility=Visibility.BESLOTEN)
    other = make_group("Kantorentransformatie", visibility=Visibility.OPEN)
    beheerder = make_verified_user("beheerder@gemeente-utrecht.example")
    lid = make_verified_user("lid@gemeente-zeist.example")
    ander = make_verified_user("ander@gemeente-ede.example")
    Membership.objects.create(themagroep=group, user=beheerder, role=Role.BEHEERDER)
    Membership.objects.create(themagroep=group, user=lid, role=Role.LID)
    Membership.objects.create(themagroep=other, user=ander, role=Role.BEHEERDER)
    world["users"] = {
        "anon": None,
        "onbevestigd": get_user_model().objects.create_user(
            username="onbevestigd@gemeente.example", email="onbevestigd@gemeente.example", password="x" * 14
        ),
        "buiten": make_verified_user("buiten@gemeente-delft.example"),
        "lid": lid,
        "beheerder": beheerder,
        "ander": ander,
        "admin": make_verified_user("admin@vng.example", is_superuser=True, is_staff=True),
    }
    world["buiten_user"] = world["users"]["buiten"]
    build_group_content(world, group, beheerder, lid)
    [world["notification"]] = notify(
        [lid], kind="reply", title="Nieuwe reactie", url="/themagroepen/", themagroep=group
    )
    world["unsubscribe_token"] = emails.unsubscribe_token(lid)
    from themagroepen.bijeenkomsten.feeds import feed_for

    world["feed_token"] = feed_for(lid).token
    return world


def _request(client, method, url):
    """One request inside a savepoint that is rolled back afterwards."""
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def _url(world, name, kwargs):
    return reverse(name, kwargs={key: world.resolve(path) for key, path in kwargs.items()})


def test_matrix_covers_every_url():
    missing = sorted(all_url_names() - set(MATRIX))
    stale = sorted(set(MATRIX) - all_url_names())
    assert missing == [], f"URLs without a row in the permission matrix: {missing}"
    assert stale == [], f"Rows for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role):
    client = Client()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name in sorted(set(MATRIX) & all_url_names()):
        method, kwargs, expected = MATRIX[name]
        url = _url(world, name, kwargs)
        status, wanted = _request(client, method, url).status_code, expected_status(expected, role, url)
        if status != wanted:
            wrong.append(f"{method.upper()} {url} ({name}): expected {wanted}, got {status}")
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", ["anon", "buiten", "ander"])
def test_verborgen_group_is_indistinguishable_from_no_group_for_non_members(world, role):
    """Same status for every group URL whether the verborgen group exists or not."""
    hidden = make_group("Werkgroep modelverordening", visibility=Visibility.VERBORGEN)
    beheerder = world["users"]["beheerder"]
    Membership.objects.create(themagroep=hidden, user=beheerder, role=Role.BEHEERDER)
    access.forget_held_keys(beheerder)  # cached while building the world
    # The lid is a member of the besloten group only; buiten gets content in the hidden group too.
    hidden_lid = make_verified_user("verborgen-lid@gemeente.example")
    Membership.objects.create(themagroep=hidden, user=hidden_lid, role=Role.LID)
    hidden_world = World(world)
    build_group_content(hidden_world, hidden, beheerder, hidden_lid)

    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    leaks = []
    for name in sorted(set(MATRIX) & all_url_names()):
        method, kwargs, _expected = MATRIX[name]
        if "slug" not in kwargs:
            continue
        url = _url(hidden_world, name, kwargs)
        missing_url = url.replace(f"/{hidden.slug}/", "/bestaat-niet/", 1)
        status, missing_status = (
            _request(client, method, url).status_code,
            _request(client, method, missing_url).status_code,
        )
        if status != missing_status or status in (200, 403):
            leaks.append(f"{method.upper()} {url} ({name}): {status}, for a missing group {missing_status}")
    assert leaks == [], f"{role}:\n" + "\n".join(leaks)


# --- Wagtail pages, documents, exports, feeds and sitemap ----------------------------------------
# The kennisbank tree of tests/kennisbank/conftest.py (public, login-only and draft pages), plus a
# page only for the group's members and documents hanging off public, login-only and draft
# publicaties. Anonymous visitors of a login-only page are sent to sign in (that page is no
# secret); everyone else without access gets the 404 of a page that does not exist.

LOGIN_PAGE = codes(302, 200, 200, 200, 200, 200, onbevestigd=404)
GROUP_PAGE = codes(404, 404, 200, 200, 404, 200)
NOBODY = codes(404, 404, 404, 404, 404, 404)
LOGIN_FILE = codes(404, 200, 200, 200, 200, 200, onbevestigd=404)

# name: (url in the kennisbank world, expected statuses)
KENNISBANK = {
    "public page": ("kb.utrecht.url", PUBLIC),
    "login-only page": ("kb.besloten.url", LOGIN_PAGE),
    "group-only page": ("kb.leeuwarden.url", GROUP_PAGE),
    "draft page": ("kb.concept.url", NOBODY),
    "document of a public publicatie": ("documents.public.url", PUBLIC),
    "document of a login-only publicatie": ("documents.login.url", LOGIN_FILE),
    "document of a draft publicatie": ("documents.draft.url", NOBODY),
    "handreiking PDF": ("kb.handreiking.url+pdf/", PUBLIC),
    "verordening docx, login-only": ("kb.verordening.url+docx/", LOGIN_PAGE),
    "voorbeelden feed": ("/feeds/voorbeelden/rss/", PUBLIC),
    "publicaties feed": ("/feeds/publicaties/atom/", PUBLIC),
    "sitemap": ("/sitemap.xml", PUBLIC),
}
# Titles that feeds and the sitemap never name, for anyone: aggregators read them without a session.
CLOSED_TITLES = (
    "Besloten voorbeeld Apeldoorn",
    "Conceptvoorbeeld Amersfoort",
    "Kerk in Leeuwarden",
    "Besloten notitie",
)


@pytest.fixture
def kennisbank_world(world, kb):  # noqa: F811
    from types import SimpleNamespace

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from tests.kennisbank.conftest import restrict_to_login, unpublish

    restriction = PageViewRestriction.objects.create(page=kb.leeuwarden, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([world["group"].auth_group])
    restrict_to_login(kb.verordening)
    documents = SimpleNamespace()
    for name, page in [
        ("public", kb.brief),
        ("login", kb.geheime_brief),
        ("draft", kb.brief.copy(update_attrs={"slug": "concept-brief", "title": "Conceptbrief"})),
    ]:
        document = get_document_model().objects.create(
            title=f"Bijlage {name}",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"bijlage-{name}.pdf"),
            collection=Collection.get_first_root_node(),
        )
        page.document = document
        page.save()
        if name == "draft":
            unpublish(page)
        setattr(documents, name, document)
    return SimpleNamespace(kb=kb, documents=documents)


def _kennisbank_url(kennisbank_world, path: str) -> str:
    if path.startswith("/"):
        return path
    path, _, suffix = path.partition("+")
    owner, *attributes = path.split(".")
    value = getattr(kennisbank_world, owner)
    for attribute in attributes:
        value = getattr(value, attribute)
    return value + suffix


@pytest.mark.parametrize("role", ROLES)
def test_kennisbank_matrix(kennisbank_world, world, role):
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    wrong = []
    for name, (path, expected) in KENNISBANK.items():
        url = _kennisbank_url(kennisbank_world, path)
        response = client.get(url)
        if response.status_code != expected[role]:
            wrong.append(f"{name} {url}: expected {expected[role]}, got {response.status_code}")
        # (What the PDF names is read 4 of issue 12, owned by kennisbank/pdf.py and its tests.)
        if name.endswith(("feed", "sitemap")):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            named = [title for title in CLOSED_TITLES if title.encode() in body]
            if named:
                wrong.append(f"{name} {url} names closed pages: {named}")
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)
