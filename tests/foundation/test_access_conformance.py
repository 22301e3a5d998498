# ruff: noqa: F811  (fixtures imported from tests/search/conftest.py are parameters here)
"""Every registered read policy, every role, every door: they all give the same answer.

For each object the world holds (public, login-only, group-only, hidden by moderation, draft or
unpublished, moved under a restricted parent, privacy changed after indexing) and each role, the
test asks the access module (``can_read``), the policy's queryset filter, the real
Elasticsearch index (with the same permission filter the search engine sends), the object's URL
and its download, and fails on any disagreement, or when ``can_read`` differs from what the
object's kind promises. The search index is built *before* the last changes (a move, privacy
groups, a member removed or leaving, moderation), so stale documents fail too.

A model with read keys (``read_keys``/``readable_q``, a Wagtail page or document) but no
registered policy fails ``test_every_readable_model_has_a_registered_policy``; a registered
policy without an object in this world fails ``test_the_world_covers_every_registered_policy``.
"""

import datetime
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction

from kennisplatform import access
from search import es_engine, indexing
from search import index as search_index
from search.backend import get_client
from search.documents import adapter_for
from tests.conftest import make_verified_user

# The search tests' fixtures (a private Elasticsearch index, Wagtail's root nodes, fast hashing).
from tests.search.conftest import _fast_passwords, es_index, wagtail_tree  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

ROLES = (
    "anoniem",
    "onbevestigd",  # signed in, e-mail never confirmed, yet has a membership row in group A
    "buitenstaander",  # verified official without a group
    "lid_andere_groep",
    "lid",
    "verwijderd",  # member of A, removed by the beheerder after the index was built
    "vertrokken",  # member of A who left after the index was built
    "beheerder",
    "redacteur",
    "sitebeheerder",
)
VERIFIED = set(ROLES) - {"anoniem", "onbevestigd"}

# What each kind of object promises: the roles that may read it.
READERS = {
    "public": set(ROLES),
    "login": VERIFIED,
    "group": {"lid", "beheerder", "sitebeheerder"},
    "moderation": {"beheerder", "sitebeheerder"},
    "nobody": set(),
}


@dataclass
class Subject:
    name: str
    obj: object
    kind: str  # a key of READERS
    url: str | None = None  # the object's page or download; None when it has none of its own


def _page(parent, model, slug, **fields):
    page = model(title=fields.pop("title", slug.replace("-", " ").capitalize()), slug=slug, **fields)
    parent.add_child(instance=page)
    return page


def _instrument(parent, slug, **fields):
    from kennisbank.models import InstrumentPage

    return _page(parent, InstrumentPage, slug, kind="juridisch", summary=f"Samenvatting {slug}.", **fields)


def _restrict(page, kind, *groups):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if groups:
        restriction.groups.set([group.auth_group for group in groups])
    return restriction


def _document(title, collection=None):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )


def _publicatie(parent, slug, document, **fields):
    from kennisbank.models import PublicatiePage

    return _page(
        parent,
        PublicatiePage,
        slug,
        date=datetime.date(2024, 3, 1),
        sender_kind="vng",
        sender="VNG",
        kind="rapport",
        summary="Samenvatting.",
        document=document,
        **fields,
    )


def _users():
    from themagroepen.models import Membership, Role

    users = {name: make_verified_user(f"{name}@gemeente.example") for name in VERIFIED - {"sitebeheerder"}}
    users["sitebeheerder"] = make_verified_user("admin@vng.example", is_superuser=True, is_staff=True)
    users["onbevestigd"] = get_user_model().objects.create_user(
        username="onbevestigd@gemeente.example", email="onbevestigd@gemeente.example", password="x" * 14
    )
    users["anoniem"] = None
    redacteuren, _ = Group.objects.get_or_create(name="Redacteuren")
    users["redacteur"].groups.add(redacteuren)
    users["redacteur"].is_staff = True
    users["redacteur"].save()
    return users, Membership, Role


@pytest.fixture
def world(es_index, wagtail_tree, home_page, django_capture_on_commit_callbacks):
    from kennisbank.models import InstrumentIndexPage, PublicatieIndexPage
    from tests.themagroepen.conftest import make_group
    from themagroepen import services as membership_services
    from themagroepen.bijeenkomsten.models import Attachment as EventAttachment
    from themagroepen.bijeenkomsten.models import Bijeenkomst
    from themagroepen.bijeenkomsten.models import Visibility as EventVisibility
    from themagroepen.discussies import services as discussies
    from themagroepen.discussies.models import Attachment, KennisbankProposal, PostRevision, Reaction
    from themagroepen.models import Visibility

    users, Membership, Role = _users()
    groep_a = make_group("Leegstand en herbestemmen", visibility=Visibility.BESLOTEN)
    groep_b = make_group("Kantorentransformatie", visibility=Visibility.OPEN)
    verborgen = make_group("Werkgroep kantorenloodsen", visibility=Visibility.VERBORGEN)
    for user, group, role in [
        (users["beheerder"], groep_a, Role.BEHEERDER),
        (users["lid"], groep_a, Role.LID),
        (users["verwijderd"], groep_a, Role.LID),
        (users["vertrokken"], groep_a, Role.LID),
        (users["onbevestigd"], groep_a, Role.LID),
        (users["lid_andere_groep"], groep_b, Role.BEHEERDER),
        (users["beheerder"], verborgen, Role.BEHEERDER),
        (users["lid"], verborgen, Role.LID),
    ]:
        Membership.objects.create(themagroep=group, user=user, role=role)

    subjects: list[Subject] = []

    def add(name, obj, kind, url=None):
        subjects.append(Subject(name, obj, kind, url))
        return obj

    # --- Wagtail pages ------------------------------------------------------------------------
    instrumenten = add("instrumenten-index", _page(home_page, InstrumentIndexPage, "instrumenten"), "public")
    add("openbaar-instrument", _instrument(instrumenten, "openbaar-instrument"), "public")
    add("login-instrument", _instrument(instrumenten, "login-instrument"), "login")
    _restrict(subjects[-1].obj, PageViewRestriction.LOGIN)
    add("groep-instrument", _instrument(instrumenten, "groep-instrument"), "group")
    _restrict(subjects[-1].obj, PageViewRestriction.GROUPS, groep_a)
    concept = _instrument(instrumenten, "concept-instrument", live=False)
    add("concept-instrument", concept, "nobody")
    teruggetrokken = _instrument(instrumenten, "teruggetrokken-instrument")
    add("teruggetrokken-instrument", teruggetrokken, "nobody")
    later_besloten = _instrument(instrumenten, "later-besloten-instrument")
    add("later-besloten-instrument", later_besloten, "login")
    andere_groep = _instrument(instrumenten, "groepen-gewijzigd-instrument")
    groups_changed = _restrict(andere_groep, PageViewRestriction.GROUPS, groep_b)
    add("groepen-gewijzigd-instrument", andere_groep, "group")
    later_open = _instrument(instrumenten, "later-open-instrument")
    opened = _restrict(later_open, PageViewRestriction.LOGIN)
    add("later-open-instrument", later_open, "public")
    besloten_index = _page(home_page, InstrumentIndexPage, "besloten-instrumenten")
    _restrict(besloten_index, PageViewRestriction.GROUPS, groep_a)
    add("besloten-index", besloten_index, "group")
    archief = _page(home_page, InstrumentIndexPage, "archief")
    add("verhuisde-index", archief, "group")
    add("verhuisd-instrument", _instrument(archief, "verhuisd-instrument"), "group")

    # --- Wagtail documents: readable through the live pages that use them --------------------
    publicaties = _page(home_page, PublicatieIndexPage, "publicaties")
    for name, kind in [("openbaar", "public"), ("login", "login"), ("groep", "group"), ("concept", "nobody")]:
        document = _document(f"Rapport {name}")
        page = _publicatie(publicaties, f"rapport-{name}", document, live=name != "concept")
        if kind == "login":
            _restrict(page, PageViewRestriction.LOGIN)
        elif kind == "group":
            _restrict(page, PageViewRestriction.GROUPS, groep_a)
        add(f"publicatie-{name}", page, kind)
        add(f"document-{name}", document, kind, document.url)
    add("document-ongebruikt", _document("Los bestand"), "nobody")
    openbaar = Collection.get_first_root_node().add_child(name="Openbaar")
    add("document-openbare-collectie", _document("Huisstijl", openbaar), "public")

    # --- themagroepen, discussies, bijeenkomsten ----------------------------------------------
    add("besloten-groep", groep_a, "public", groep_a.get_absolute_url())
    add("verborgen-groep", verborgen, "group", verborgen.get_absolute_url())
    topic = discussies.create_topic(groep_a, users["lid"], "Ervaringen met de meldplicht", "Wie weet meer?")
    add("onderwerp", topic, "group", topic.get_absolute_url())
    reply = discussies.create_reply(topic, users["beheerder"], "Wij in Utrecht.")
    add("reactie", reply, "group", reverse("themagroepen:discussies:reply_fragment", args=[groep_a.slug, reply.pk]))
    hidden_reply = discussies.create_reply(topic, users["lid"], "Dit had ik niet moeten schrijven.")
    add(
        "verborgen-reactie",
        hidden_reply,
        "moderation",
        reverse("themagroepen:discussies:reply_fragment", args=[groep_a.slug, hidden_reply.pk]),
    )
    hidden_topic = discussies.create_topic(groep_a, users["lid"], "Verborgen kwestie", "Niet voor iedereen.")
    add("verborgen-onderwerp", hidden_topic, "moderation", hidden_topic.get_absolute_url())
    discussies.edit_post(topic, users["lid"], "Wie weet er meer van?")
    add("bewerking", PostRevision.objects.get(topic=topic, reply=None), "group")
    attachment = Attachment.objects.create(
        topic=topic,
        uploader=users["lid"],
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="notitie.pdf"),
        name="notitie.pdf",
        content_type="application/pdf",
        size=15,
    )
    add("bijlage", attachment, "group", attachment.get_absolute_url())
    discussies.toggle_useful(users["beheerder"], topic)
    add("nuttig", Reaction.objects.get(topic=topic), "group")
    add("melding", discussies.report(users["lid"], topic, reply, "Klopt niet"), "moderation")
    # Read like its topic; its page (the consent form) is the author's alone, so no URL here.
    add("kennisbank-voorstel", KennisbankProposal.objects.create(topic=topic, kind="voorbeeld"), "group")
    add(
        "voorstel-verborgen-onderwerp",
        KennisbankProposal.objects.create(topic=hidden_topic, kind="voorbeeld"),
        "moderation",
    )

    start = timezone.now() + timedelta(days=10)
    for name, visibility, kind in [
        ("openbare-bijeenkomst", EventVisibility.PUBLIC, "public"),
        ("leden-bijeenkomst", EventVisibility.MEMBERS, "group"),
    ]:
        bijeenkomst = Bijeenkomst.objects.create(
            themagroep=groep_a,
            title=name.replace("-", " ").capitalize(),
            start=start,
            end=start + timedelta(hours=2),
            place="Utrecht",
            visibility=visibility,
            organiser=users["beheerder"],
        )
        occurrence = bijeenkomst.occurrences.get()
        add(name, bijeenkomst, kind)
        add(f"{name}-datum", occurrence, kind, occurrence.get_absolute_url())
    presentation = EventAttachment.objects.create(
        occurrence=occurrence,
        title="Presentatie",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="presentatie.pdf"),
        uploaded_by=users["beheerder"],
    )
    add("presentatie", presentation, "group", presentation.get_absolute_url())

    from themagroepen.bestanden import services as bestanden

    folder = bestanden.create_folder(groep_a, users["lid"], "Verordeningen")
    add("map", folder, "group", folder.get_absolute_url())
    groupfile = bestanden.upload_file(
        groep_a, users["lid"], ContentFile(b"%PDF-1.4\n%%EOF\n", name="model.pdf"), folder=folder
    )
    add("groepsbestand", groupfile, "group", groupfile.get_absolute_url())
    version = groupfile.versions.get()
    add("bestandsversie", version, "group", version.get_absolute_url())

    # --- a gemeente's checklist dossier: only its own officials (none of the roles) ------------
    from accounts.models import Organisation, OrganisationKind
    from kennisbank.dossiers.models import Vinkje
    from kennisbank.models import HandreikingPage, HoofdstukPage

    handreiking = _page(home_page, HandreikingPage, "handreiking")
    hoofdstuk = _page(handreiking, HoofdstukPage, "probleemanalyse")
    gemeente = Organisation.objects.create(name="Adviesbureau Leegstand (conformance)", kind=OrganisationKind.ANDERS)
    add(
        "vinkje-andere-gemeente",
        Vinkje.objects.create(
            organisation=gemeente, chapter=hoofdstuk, block_id="b1", item=0, item_text="Rol bepaald", ticked_at=start
        ),
        "nobody",
    )
    from kennisbank.dossiers.models import VerordeningConcept

    add(
        "verordening-andere-gemeente",
        VerordeningConcept.objects.create(
            organisation=gemeente, model_title="Model", answers={"gebied": {"gebieden": "Binnenstad"}}, updated_at=start
        ),
        "nobody",  # its pages answer 403 with an explanation to officials without an organisation
    )

    # --- the index is built now; what follows must reach it by itself ------------------------
    indexing.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        archief.move(besloten_index, pos="last-child")
        teruggetrokken.unpublish(log_action=False)
        _restrict(later_besloten, PageViewRestriction.LOGIN)
        groups_changed.groups.set([groep_a.auth_group])  # a groups-only change saves no restriction
        opened.delete()
        discussies.set_flag(hidden_topic, "hidden", True)
        discussies.set_flag(hidden_reply, "hidden", True)
        membership_services.remove_member(
            Membership.objects.get(themagroep=groep_a, user=users["verwijderd"]), by=users["beheerder"]
        )
        membership_services.leave(groep_a, users["vertrokken"])
    es_index.indices.refresh(index=search_index.alias_name())
    for subject in subjects:
        subject.obj = type(subject.obj)._default_manager.get(pk=subject.obj.pk)
        if isinstance(subject.obj, Page):
            subject.obj = subject.obj.specific
            subject.url = subject.url or (subject.obj.url if subject.obj.url else f"/{subject.obj.slug}/")
    return users, subjects


def _fresh(user):
    """A user object without cached keys, as a new request would have."""
    return None if user is None else get_user_model().objects.get(pk=user.pk)


def _in_index(obj, user) -> bool | None:
    """Whether any document of ``obj`` is found with the user's keys; None: not a search type."""
    adapter = adapter_for(obj._meta.label_lower)
    if adapter is None:
        return None
    response = get_client().search(
        index=search_index.alias_name(),
        size=1,
        query={
            "bool": {
                "filter": [
                    es_engine.permission_filter(access.held_keys(user)),
                    {"term": {"object_key": f"{obj._meta.label_lower}:{obj.pk}"}},
                ]
            }
        },
    )
    return response["hits"]["total"]["value"] > 0


def _refused(response) -> bool:
    """404 (absent and forbidden look the same), the members-only page of a group the person may
    know (403, naming only the group), or the way to sign in / verify first."""
    if response.status_code == 404:
        return True
    if response.status_code == 403:
        return "Deze pagina is alleen voor leden" in response.content.decode()
    location = response.get("Location", "") if response.status_code == 302 else ""
    return location.startswith((reverse("account_login"), reverse("accounts:verification_required")))


def _doors(client, subject, user) -> dict:
    obj = subject.obj
    answers = {
        "can_read": access.can_read(_fresh(user), obj),
        "queryset": access.filter_readable(type(obj)._default_manager.filter(pk=obj.pk), _fresh(user)).exists(),
    }
    found = _in_index(obj, _fresh(user))
    if found is not None:
        answers["search"] = found
    if subject.url:
        response = client.get(subject.url)
        if response.status_code == 200:
            answers["url"] = True
        elif _refused(response):
            answers["url"] = False
        else:
            answers["url"] = f"status {response.status_code}"
    return answers


def test_every_door_agrees_with_the_policy(world):
    """One world, built once: every role against every subject (the build is the slow part)."""
    users, subjects = world
    wrong = []
    for role in ROLES:
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        for subject in subjects:
            expected = role in READERS[subject.kind]
            answers = _doors(client, subject, users[role])
            disagree = {door: answer for door, answer in answers.items() if answer is not expected}
            if disagree:
                wrong.append(f"{role} / {subject.name} ({subject.kind}): expected {expected}, got {disagree}")
    assert wrong == [], "\n".join(wrong)


def test_the_world_covers_every_registered_policy(world):
    _users_, subjects = world
    covered = {access.policy_for(type(subject.obj)).model for subject in subjects}
    assert set(access.policies()) - covered == set()


def _readable_models():
    document_model = get_document_model()
    for model in apps.get_models():
        if (
            issubclass(model, (Page, document_model))
            or callable(getattr(model, "read_keys", None))
            or callable(getattr(model, "readable_q", None))
        ):
            yield model


def test_every_readable_model_has_a_registered_policy():
    missing = []
    for model in _readable_models():
        try:
            access.policy_for(model)
        except LookupError:
            missing.append(model._meta.label)
    assert missing == []
    assert {"discussies.Topic", "bijeenkomsten.Occurrence", "kennisbank.InstrumentPage", "wagtaildocs.Document"} <= {
        model._meta.label for model in _readable_models()
    }


def test_a_model_with_read_keys_but_no_policy_is_refused(monkeypatch):
    """Deny by default is not silent: asking about an unregistered model is an error, not False."""
    from themagroepen.discussies.models import Topic

    monkeypatch.delitem(access._policies, Topic)
    with pytest.raises(LookupError):
        access.can_read(None, Topic(themagroep_id=1))
