"""The knowledge loop (issue 17, point 10): from a solved topic to a kennisbank draft, and from
kennisbank pages back to the topics that discuss them.

1. A beheerder proposes a solved topic (``propose``); its author is notified and asked.
2. The author agrees or declines, once (``answer``). On agreement kennisbank creates a draft
   in the review workflow (``kennisbank.from_discussion``); the beheerder is told either way.
   A proposal whose topic was hidden, lost its solution, or whose author left the group or
   deleted the account is withdrawn instead: no draft.
3. Only what the author wrote is copied: the question, and the solution if it is theirs. A
   solution by another member is not copied (they were not asked); the beheerder writes a
   summary in their own words instead, which the author sees and consents to.

Topics relate to a page when a beheerder links them (``link_page``): a curated list, no
guessing from links inside posts.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from kennisplatform import access
from kennisplatform.markdown import render_markdown
from themagroepen.discussies.models import (
    KennisbankProposal,
    ProposalStatus,
    Reply,
    Topic,
    TopicPageLink,
)
from themagroepen.discussies.notifying import notify_members

RELATED_LIMIT = 5
WITHDRAWN = "Dit verzoek is ingetrokken: het onderwerp, de oplossing of de schrijver is er niet meer."
NO_PLACE = (
    "De kennisbank kan deze pagina nu niet maken (de gekozen gemeente of de plaats in de kennisbank"
    " bestaat niet meer). Uw antwoord is niet opgeslagen; neem contact op met de beheerder van de groep."
)


class ProposalRefused(Exception):
    """Why a proposal or an answer cannot go ahead; ``str()`` is the Dutch message."""


def solution_of(topic) -> Reply | None:
    """The marked solution, if it is visible to members."""
    return Reply.objects.filter(topic=topic, is_solution=True, hidden=False).select_related("author").first()


def copies_solution(topic, solution) -> bool:
    """Only the topic's author is asked, so only their own solution may be copied."""
    return solution is not None and solution.author_id is not None and solution.author_id == topic.author_id


def proposal_for(topic) -> KennisbankProposal | None:
    """The topic's current proposal (open, accepted or declined), if any. An open one whose
    author can no longer answer (left the group, deleted the account) is withdrawn here."""
    proposal = KennisbankProposal.objects.exclude(status=ProposalStatus.WITHDRAWN).filter(topic=topic).first()
    if proposal is not None and proposal.status == ProposalStatus.OPEN and _author_gone(topic):
        withdraw_open(topic)
        return None
    return proposal


def withdraw_open(topic) -> None:
    """The topic was hidden or its author is gone: nobody is asked any longer."""
    KennisbankProposal.objects.filter(topic=topic, status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN, answered_at=timezone.now()
    )


def _author_gone(topic) -> bool:
    author = topic.author
    return author is None or not author.is_active or topic.hidden or not access.can_read(author, topic)


def propose(topic, by, kind, summary="", gemeente=None) -> KennisbankProposal:
    """Ask the topic's author; callers check that ``by`` is a beheerder of the group."""
    from kennisbank.from_discussion import can_create

    solution = solution_of(topic)
    if solution is None:
        raise ProposalRefused("Alleen een onderwerp met een gemarkeerde oplossing kan worden voorgesteld.")
    if _author_gone(topic):
        raise ProposalRefused(
            "De schrijver van dit onderwerp is geen lid meer; er kan geen toestemming worden gevraagd."
        )
    if not can_create(kind):
        raise ProposalRefused("De kennisbank heeft nog geen plaats voor dit soort pagina.")
    try:
        with transaction.atomic():
            proposal = KennisbankProposal.objects.create(
                topic=topic, kind=kind, solution=solution, summary=summary, gemeente=gemeente, proposed_by=by
            )
            notify_members(
                [topic.author],
                kind="kennisbank_voorstel",
                title=f"Mag “{Truncator(topic.title).chars(120)}” in de kennisbank? Wij vragen uw toestemming.",
                url=proposal.get_absolute_url(),
                themagroep=topic.themagroep,
                actor=None if by.pk == topic.author_id else by,  # a beheerder asking themself is asked too
                subject=proposal,
            )
    except IntegrityError:
        raise ProposalRefused("Dit onderwerp is al voorgesteld voor de kennisbank.") from None
    return proposal


def answer(proposal, user, agree: bool) -> KennisbankProposal:
    """The author's answer. Raises ProposalRefused when it was answered or withdrawn already."""
    with transaction.atomic():
        # The row lock: a double submit (or two tabs) ends with one answer and at most one draft.
        locked = KennisbankProposal.objects.select_for_update().filter(pk=proposal.pk).first()
        if locked is None or locked.status == ProposalStatus.WITHDRAWN:
            raise ProposalRefused(WITHDRAWN)
        if locked.status != ProposalStatus.OPEN:
            raise ProposalRefused("Op dit verzoek is al geantwoord.")
        topic = Topic.objects.select_related("author", "themagroep").get(pk=locked.topic_id)
        if topic.author_id != user.pk:
            raise ProposalRefused("Alleen de schrijver van het onderwerp kan antwoorden.")
        solution = solution_of(topic)
        if _author_gone(topic) or solution is None or solution.pk != locked.solution_id:
            locked.status, locked.answered_at = ProposalStatus.WITHDRAWN, timezone.now()
            locked.save(update_fields=["status", "answered_at"])
            withdrawn = True
        else:
            withdrawn = False
            if agree:
                locked.page = _draft_for(locked, topic, solution)
            locked.status = ProposalStatus.ACCEPTED if agree else ProposalStatus.DECLINED
            locked.answered_at = timezone.now()
            locked.save(update_fields=["status", "answered_at", "page"])
            _tell_beheerder(locked, topic)
    if withdrawn:
        raise ProposalRefused(WITHDRAWN)
    return locked


def _draft_for(proposal, topic, solution):
    """The kennisbank draft, or ProposalRefused (and the request stays open) when the tree or
    the chosen gemeente changed since the proposal."""
    from kennisbank.from_discussion import VOORBEELD, DraftImpossible, create_draft

    if proposal.kind == VOORBEELD and proposal.gemeente_id is None:
        raise ProposalRefused(NO_PLACE)
    try:
        with transaction.atomic():
            return create_draft(
                kind=proposal.kind,
                title=topic.title,
                question_html=topic.html,
                answer_html=solution.html if copies_solution(topic, solution) else render_markdown(proposal.summary),
                requested_by=proposal.proposed_by,
                source_url=topic.get_absolute_url(),
                gemeente=proposal.gemeente,
            )
    except (DraftImpossible, IntegrityError):
        raise ProposalRefused(NO_PLACE) from None


def _tell_beheerder(proposal, topic) -> None:
    if proposal.proposed_by is None:
        return
    title = Truncator(topic.title).chars(120)
    if proposal.status == ProposalStatus.ACCEPTED:
        text = f"Toestemming gegeven: “{title}” staat als concept klaar voor de redactie."
    else:
        text = f"Geen toestemming: “{title}” gaat niet naar de kennisbank."
    notify_members(
        [proposal.proposed_by],
        kind="kennisbank_antwoord",
        title=text,
        url=topic.get_absolute_url(),
        themagroep=topic.themagroep,
        actor=topic.author,
        subject=proposal,
    )


# --- related topics on kennisbank pages -------------------------------------------------------


def linkable_pages(user):
    """Chapters and instruments a beheerder may link a topic to: live ones they can read."""
    from kennisbank.models import HoofdstukPage, InstrumentPage

    pages = []
    for model in (HoofdstukPage, InstrumentPage):
        pages += access.readable_pages(model.objects.all(), user).only("title", "path", "depth").order_by("title")
    return pages


def link_page(topic, page, by) -> bool:
    _link, created = TopicPageLink.objects.get_or_create(topic=topic, page=page, defaults={"added_by": by})
    return created


def unlink_page(topic, page_id) -> bool:
    deleted, _ = TopicPageLink.objects.filter(topic=topic, page_id=page_id).delete()
    return bool(deleted)


def related_topics(page, user) -> list[Topic]:
    """The topics linked to ``page`` that ``user`` may read, newest activity first: one query
    (the held keys are usually known from the page's own access check). Nothing for anonymous
    visitors, without asking the database."""
    if not getattr(user, "is_authenticated", False):
        return []
    # Not hidden ones either: moderators may read those, but this list is for reading.
    topics = access.filter_readable(Topic.objects.filter(page_links__page_id=page.pk, hidden=False), user)
    return list(topics.select_related("themagroep").order_by("-last_activity")[:RELATED_LIMIT])
