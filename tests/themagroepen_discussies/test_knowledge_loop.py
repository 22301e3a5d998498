"""The knowledge loop (issue 17, point 10): a beheerder proposes a solved topic, its author
consents or declines, a draft enters the review workflow; chapters and instruments list the
topics that discuss them for members who may read them."""

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from kennisbank.models import Gemeente, HandreikingPage, HoofdstukPage, VoorbeeldIndexPage, VoorbeeldPage
from kennisplatform.models import InformatiePage
from tests.kennisbank.conftest import reference_data  # noqa: F401  (the workflow and gemeenten)
from tests.themagroepen_discussies.conftest import _member, client_for
from themagroepen import services as membership_services
from themagroepen.discussies import knowledge, services
from themagroepen.discussies.models import KennisbankProposal, ProposalStatus, TopicPageLink
from themagroepen.notificaties.models import Notification

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror="alert(1)"> [klik](javascript:alert(2))'


@pytest.fixture
def tree(reference_data, home_page):  # noqa: F811
    index = VoorbeeldIndexPage(title="Voorbeelden", slug="voorbeelden")
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def solved(groep, lid, beheerder, tree):
    """Anne's question with an XSS payload, solved by her own reply."""
    topic = services.create_topic(
        groep,
        lid,
        "Leegstandsverordening en tijdelijke verhuur",
        f"Wie heeft **ervaring** met tijdelijke verhuur? {XSS}",
    )
    services.create_reply(topic, beheerder, "Wij in Utrecht, vraag het mij gerust.")
    solution = services.create_reply(topic, lid, f"Opgelost: we gebruiken de *Leegstandwet* met vergunning. {XSS}")
    services.toggle_solution(solution)
    return topic


def _propose_url(topic):
    return f"/themagroepen/{topic.themagroep.slug}/discussies/{topic.pk}/kennisbank/"


def _propose(client, topic, **data):
    fields = {"kind": "voorbeeld", "gemeente": Gemeente.objects.get(cbs_code="GM0344").pk} | data
    return client.post(_propose_url(topic), fields)


def _answer(client, proposal, value):
    return client.post(proposal.get_absolute_url(), {"antwoord": value})


class _Markup(HTMLParser):
    """What in some HTML could run or load: script/img/iframe elements, on* and javascript: attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "img", "iframe", "style", "object"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower():
                self.found.append(f"{tag}[{name}]")


def _active_markup(html):
    parser = _Markup()
    parser.feed(html)
    return parser.found


def test_the_sanitiser_drops_raw_markup_too():
    """Defence in depth: even HTML that never went through the discussion's Markdown."""
    from kennisbank.from_discussion import sanitised

    html = sanitised(
        '<p onclick="x()">Tekst <b>vet</b></p><script>alert(1)</script><img src=x onerror=alert(1)>'
        '<a href="javascript:alert(2)">link</a><iframe src="//evil.example"></iframe><ul><li>punt</li></ul>'
    )
    assert _active_markup(html) == []
    assert "<b>vet</b>" in html and "<li" in html and "punt" in html and "javascript" not in html


def _titles(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_consent_creates_a_sanitised_draft_in_the_review_workflow(
    solved, lid, beheerder, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _propose(client_for(beheerder), solved)
    assert response.status_code == 302
    proposal = KennisbankProposal.objects.get(topic=solved)
    assert proposal.status == ProposalStatus.OPEN
    assert any("Wij vragen uw toestemming" in title for title in _titles(lid))
    # E-mail per the author's preference (direct by default), sent after the commit.
    [message] = [m for m in mail.outbox if lid.email in m.to]
    assert "kennisbank" in message.subject + message.body

    author = client_for(lid)
    page = author.get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert "Ja, ik geef toestemming" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert _answer(author, proposal, "akkoord").status_code == 302

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    draft = VoorbeeldPage.objects.get(pk=proposal.page_id)
    assert draft.title == solved.title
    assert not draft.live and draft.first_published_at is None
    assert draft.get_parent().specific_class is VoorbeeldIndexPage
    state = draft.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "Redactie"

    assert "ervaring" in draft.situation and "<b>ervaring</b>" in draft.situation
    assert "Leegstandwet" in draft.approach
    public_text = " ".join([draft.summary, draft.situation, draft.approach, draft.result])
    revision = draft.get_latest_revision().content
    for html in (draft.situation, draft.approach, revision["situation"], revision["approach"]):
        assert _active_markup(html) == [], html
    assert "<" not in draft.summary  # plain text
    # The members-only topic is named only in the page history, never in the page.
    assert solved.get_absolute_url() not in public_text
    entry = PageLogEntry.objects.get(page=draft, action="kennisbank.uit_themagroep")
    assert entry.data["onderwerp"] == solved.get_absolute_url()

    assert any("Toestemming gegeven" in title for title in _titles(beheerder))
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"themagroepen.onderwerp.kennisbank_voorstellen", "themagroepen.voorstel.akkoord"} <= actions

    answered = author.get(proposal.get_absolute_url()).content.decode()
    assert "Akkoord; concept aangemaakt" in answered and "Ja, ik geef toestemming" not in answered


def test_decline_creates_nothing_and_tells_the_beheerder(solved, lid, beheerder):
    _propose(client_for(beheerder), solved)
    proposal = KennisbankProposal.objects.get(topic=solved)
    pages_before = Page.objects.count()
    assert _answer(client_for(lid), proposal, "weigeren").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED and proposal.page_id is None
    assert Page.objects.count() == pages_before
    assert any("Geen toestemming" in title for title in _titles(beheerder))


def test_a_member_who_is_not_beheerder_cannot_propose(solved, lid2):
    assert _propose(client_for(lid2), solved).status_code == 403
    assert client_for(lid2).get(_propose_url(solved)).status_code == 403
    assert not KennisbankProposal.objects.exists()


def test_an_outsider_cannot_propose(solved, buitenstaander):
    assert _propose(client_for(buitenstaander), solved).status_code in (403, 404)
    assert not KennisbankProposal.objects.exists()


def test_only_the_author_can_answer(solved, lid, lid2, beheerder):
    _propose(client_for(beheerder), solved)
    proposal = KennisbankProposal.objects.get(topic=solved)
    pages_before = Page.objects.count()
    for other in (lid2, beheerder):
        assert client_for(other).get(proposal.get_absolute_url()).status_code == 404
        assert _answer(client_for(other), proposal, "akkoord").status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert Page.objects.count() == pages_before


def test_an_unsolved_topic_cannot_be_proposed(topic, beheerder, tree):
    client = client_for(beheerder)
    assert "nog geen gemarkeerde oplossing" in client.get(_propose_url(topic)).content.decode()
    assert _propose(client, topic).status_code == 409
    assert not KennisbankProposal.objects.exists()
    with pytest.raises(knowledge.ProposalRefused):
        knowledge.propose(topic, beheerder, "voorbeeld")


def test_a_proposal_is_answered_once(solved, lid, beheerder):
    _propose(client_for(beheerder), solved)
    assert _propose(client_for(beheerder), solved).status_code == 409  # asked already
    proposal = KennisbankProposal.objects.get(topic=solved)
    author = client_for(lid)
    _answer(author, proposal, "akkoord")
    response = author.post(proposal.get_absolute_url(), {"antwoord": "weigeren"}, follow=True)
    assert "Op dit verzoek is al geantwoord." in response.content.decode()
    with pytest.raises(knowledge.ProposalRefused):
        knowledge.answer(proposal, lid, True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert VoorbeeldPage.objects.filter(title=solved.title).count() == 1


def test_consent_after_the_gemeente_was_removed_is_refused_in_dutch_and_stays_open(solved, lid, beheerder):
    provincie = Gemeente.objects.get(cbs_code="GM0344").provincie
    gemeente = Gemeente.objects.create(
        cbs_code="GM9999", name="Opgeheven gemeente", slug="opgeheven-gemeente", provincie=provincie
    )
    _propose(client_for(beheerder), solved, gemeente=gemeente.pk)
    proposal = KennisbankProposal.objects.get(topic=solved)
    gemeente.delete()  # e.g. merged into another gemeente in the meantime
    author = client_for(lid)
    response = _answer(author, proposal, "akkoord")
    assert response.status_code == 302
    page = author.get(response["Location"]).content.decode()
    assert "kan deze pagina nu niet maken" in page
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN and proposal.page is None
    assert not VoorbeeldPage.objects.filter(title=solved.title).exists()


def test_a_beheerder_proposing_their_own_topic_is_asked_too(groep, beheerder, tree):
    topic = services.create_topic(groep, beheerder, "Tijdelijke verhuur van leegstaande kantoren", "Hoe?")
    solution = services.create_reply(topic, beheerder, "Met een vergunning volgens de Leegstandwet.")
    services.toggle_solution(solution)
    _propose(client_for(beheerder), topic, kind="veelgestelde-vraag")
    proposal = KennisbankProposal.objects.get(topic=topic)
    assert Notification.objects.filter(recipient=beheerder, kind="kennisbank_voorstel").exists()
    _answer(client_for(beheerder), proposal, "akkoord")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.page is not None


def test_voorbeeld_needs_a_gemeente(solved, beheerder):
    response = _propose(client_for(beheerder), solved, gemeente="")
    assert response.status_code == 400
    assert "Kies de gemeente van het voorbeeld." in response.content.decode()
    assert not KennisbankProposal.objects.exists()


@pytest.mark.parametrize("how", ["hidden", "left", "deleted"])
def test_a_withdrawn_proposal_makes_no_draft(solved, lid, beheerder, how):
    _propose(client_for(beheerder), solved)
    proposal = KennisbankProposal.objects.get(topic=solved)
    author = client_for(lid)
    if how == "hidden":
        services.set_flag(solved, "hidden", True)
    elif how == "left":
        membership_services.leave(solved.themagroep, lid)
    else:
        from accounts.privacy import delete_account

        delete_account(lid)
    pages_before = Page.objects.count()
    if how != "deleted":
        assert author.get(proposal.get_absolute_url()).status_code in (403, 404)
    lid.refresh_from_db()
    with pytest.raises(knowledge.ProposalRefused):
        knowledge.answer(proposal, lid, True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert Page.objects.count() == pages_before


def test_a_solution_by_another_member_is_not_copied(groep, lid, lid2, beheerder, tree):
    topic = services.create_topic(groep, lid, "Wat kost een leegstandsbeheerder?", "Ik zoek een richtprijs.")
    solution = services.create_reply(topic, lid2, "Bram's eigen tarieven: 12 euro per m2.")
    services.toggle_solution(solution)
    client = client_for(beheerder)
    missing = client.post(_propose_url(topic), {"kind": "veelgestelde-vraag"})
    assert missing.status_code == 400
    assert "Schrijf een korte samenvatting van de oplossing." in missing.content.decode()
    client.post(
        _propose_url(topic), {"kind": "veelgestelde-vraag", "summary": "Reken op een vast bedrag per vierkante meter."}
    )
    proposal = KennisbankProposal.objects.get(topic=topic)
    author = client_for(lid)
    assert "Reken op een vast bedrag" in author.get(proposal.get_absolute_url()).content.decode()
    _answer(author, proposal, "akkoord")
    proposal.refresh_from_db()
    draft = InformatiePage.objects.get(pk=proposal.page_id)
    assert not draft.live
    assert "Ik zoek een richtprijs." in draft.body and "Reken op een vast bedrag" in draft.body
    assert "12 euro" not in draft.body
    assert draft.current_workflow_state.status == "in_progress"


# --- "Besproken in de themagroep" -------------------------------------------------------------


@pytest.fixture
def chapter(reference_data, home_page):  # noqa: F811
    handreiking = HandreikingPage(title="Leegstand te lijf", slug="leegstand-te-lijf")
    home_page.add_child(instance=handreiking)
    chapter = HoofdstukPage(title="Tijdelijk gebruik", slug="tijdelijk-gebruik")
    handreiking.add_child(instance=chapter)
    return chapter


HEADING = "Besproken in de themagroep"


def test_related_topics_show_only_to_members_who_may_read_them(
    groep, andere_groep, lid, beheerder, buitenstaander, solved, chapter
):
    other_member = _member(andere_groep, "winkel@gemeente.example")
    other_topic = services.create_topic(andere_groep, other_member, "Winkelleegstand in de binnenstad", "Tips?")
    response = client_for(beheerder).post(
        f"/themagroepen/{groep.slug}/discussies/{solved.pk}/kennisbankpaginas/", {"page": chapter.pk}
    )
    assert response.status_code == 302
    TopicPageLink.objects.create(topic=other_topic, page=chapter)

    member_page = client_for(lid).get(chapter.url).content.decode()
    assert HEADING in member_page and solved.title in member_page
    assert other_topic.title not in member_page  # a group the viewer cannot read

    other_page = client_for(other_member).get(chapter.url).content.decode()
    assert other_topic.title in other_page and solved.title not in other_page

    for visitor in (client_for(buitenstaander), Client()):
        page = visitor.get(chapter.url).content.decode()
        assert HEADING not in page and solved.title not in page and other_topic.title not in page

    services.set_flag(solved, "hidden", True)
    assert solved.title not in client_for(lid).get(chapter.url).content.decode()
    # Beheerders may read hidden topics, but the reading list does not show them.
    assert solved.title not in client_for(beheerder).get(chapter.url).content.decode()


def test_related_topics_cost_at_most_two_queries(groep, lid, solved, chapter):
    client = client_for(lid)
    client.get(chapter.url)
    with CaptureQueriesContext(connection) as without:
        client.get(chapter.url)
    for n in range(4):
        linked = services.create_topic(groep, lid, f"Gekoppeld onderwerp {n}", "Tekst.")
        TopicPageLink.objects.create(topic=linked, page=chapter)
    with CaptureQueriesContext(connection) as with_topics:
        body = client.get(chapter.url).content.decode()
    assert "Gekoppeld onderwerp 3" in body
    assert len(with_topics) - len(without) <= 2, [q["sql"] for q in with_topics.captured_queries]
    anonymous = Client()
    anonymous.get(chapter.url)
    with CaptureQueriesContext(connection) as anon:
        anonymous.get(chapter.url)
    assert not any("discussies_topic" in q["sql"] for q in anon.captured_queries)


def test_instruments_list_related_topics_too(groep, lid, solved, reference_data, home_page):  # noqa: F811
    from kennisbank.models import InstrumentIndexPage, InstrumentPage

    index = InstrumentIndexPage(title="Instrumenten", slug="instrumenten")
    home_page.add_child(instance=index)
    instrument = InstrumentPage(title="Leegstandsverordening", slug="leegstandsverordening", kind="juridisch")
    index.add_child(instance=instrument)
    TopicPageLink.objects.create(topic=solved, page=instrument)
    assert solved.title in client_for(lid).get(instrument.url).content.decode()
    assert HEADING not in Client().get(instrument.url).content.decode()
