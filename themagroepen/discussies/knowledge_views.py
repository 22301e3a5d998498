"""The knowledge loop's pages: a beheerder proposes a solved topic for the kennisbank, its author
answers, and a beheerder links topics to kennisbank pages (see ``knowledge``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from kennisplatform.input_guard import as_id
from themagroepen import audit
from themagroepen.discussies import knowledge
from themagroepen.discussies.forms import PageLinkForm, ProposalForm
from themagroepen.discussies.guards import members_only, readable_topic, require_beheerder
from themagroepen.discussies.models import KennisbankProposal, ProposalKind, ProposalStatus
from themagroepen.discussies.views import _discussions
from themagroepen.views import GROUPS, member_group

ANSWERS = {"akkoord": True, "weigeren": False}


def _breadcrumbs(request, themagroep, topic, label):
    return trail(
        request.user,
        GROUPS,
        themagroep,
        _discussions(themagroep),
        (topic.title, topic.get_absolute_url()),
        (label, ""),
    )


def _initial_gemeente(topic):
    profile = getattr(topic.author, "profile", None) if topic.author else None
    organisation = getattr(profile, "organisation", None)
    return getattr(organisation, "gemeente_id", None)


@members_only
def topic_propose(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    require_beheerder(request, themagroep)
    solution = knowledge.solution_of(topic)
    existing = knowledge.proposal_for(topic)
    needs_summary = not knowledge.copies_solution(topic, solution)
    form = ProposalForm(
        request.POST or None, needs_summary=needs_summary, initial={"gemeente": _initial_gemeente(topic)}
    )
    status = 200
    if request.method == "POST" and solution is not None and existing is None:
        if form.is_valid():
            try:
                proposal = knowledge.propose(
                    topic,
                    request.user,
                    form.cleaned_data["kind"],
                    summary=form.cleaned_data.get("summary", ""),
                    gemeente=form.cleaned_data["gemeente"],
                )
            except knowledge.ProposalRefused as refusal:
                messages.error(request, str(refusal))
                return redirect(topic.get_absolute_url())
            audit.record(
                topic,
                "themagroepen.onderwerp.kennisbank_voorstellen",
                by=request.user,
                themagroep=themagroep,
                title=topic.title,
                detail=proposal.get_kind_display(),
            )
            messages.success(request, "De schrijver van het onderwerp is om toestemming gevraagd.")
            return redirect(topic.get_absolute_url())
        status = 400
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "themagroepen/discussies/proposal_form.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "solution": solution,
            "existing": existing,
            "form": form,
            "breadcrumbs": _breadcrumbs(request, themagroep, topic, "Voorstellen voor de kennisbank"),
        },
        status=status,
    )


def _own_proposal(request, themagroep, proposal_id):
    """The proposal, for the topic's author only: 404 for everyone else, as for any closed thing."""
    proposals = access.filter_readable(KennisbankProposal.objects.filter(topic__themagroep=themagroep), request.user)
    proposal = get_object_or_404(
        proposals.select_related("topic", "topic__author", "topic__themagroep", "solution"), pk=proposal_id
    )
    if proposal.topic.author_id != request.user.pk:
        raise Http404
    return proposal


@members_only
def proposal_answer(request, slug, proposal_id):
    themagroep = member_group(request, slug)
    proposal = _own_proposal(request, themagroep, proposal_id)
    topic = proposal.topic
    if request.method == "POST":
        agree = ANSWERS.get(request.POST.get("antwoord", ""))
        if agree is None:
            messages.error(request, "Kies of u akkoord gaat of niet.")
            return redirect(proposal.get_absolute_url())
        try:
            proposal = knowledge.answer(proposal, request.user, agree)
        except knowledge.ProposalRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(proposal.get_absolute_url())
        audit.record(
            proposal,
            f"themagroepen.voorstel.{'akkoord' if agree else 'afgewezen'}",
            by=request.user,
            themagroep=themagroep,
            title=topic.title,
            detail=proposal.get_kind_display(),
        )
        if agree:
            messages.success(request, "Dank u. De redactie werkt uw onderwerp uit tot een pagina in de kennisbank.")
        else:
            messages.success(request, "U hebt geen toestemming gegeven. Er wordt niets overgenomen.")
        return redirect(proposal.get_absolute_url())
    # The solution as it stands now: a hidden or unmarked one is not shown, and the request is
    # then no longer open (answering would withdraw it).
    solution = knowledge.solution_of(topic)
    still_asked = solution is not None and solution.pk == proposal.solution_id
    return render(
        request,
        "themagroepen/discussies/proposal_answer.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "proposal": proposal,
            "is_open": proposal.status == ProposalStatus.OPEN and still_asked,
            "copies_solution": knowledge.copies_solution(topic, solution),
            "solution": solution,
            "is_voorbeeld": proposal.kind == ProposalKind.VOORBEELD,
            "breadcrumbs": _breadcrumbs(request, themagroep, topic, "Toestemming voor de kennisbank"),
        },
    )


@members_only
def topic_pages(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    require_beheerder(request, themagroep)
    pages = knowledge.linkable_pages(request.user)
    form = PageLinkForm(request.POST if "page" in request.POST else None, pages=pages)
    if request.method == "POST":
        removed = request.POST.get("verwijderen", "")
        if as_id(removed) is not None and knowledge.unlink_page(topic, as_id(removed)):
            _record_link(request, themagroep, topic, "ontkoppelen", removed)
            messages.success(request, "De koppeling is verwijderd.")
            return redirect("themagroepen:discussies:topic_pages", slug=slug, pk=pk)
        if form.is_valid():
            page_id = form.cleaned_data["page"]
            page = next(p for p in pages if p.pk == page_id)
            if knowledge.link_page(topic, page, request.user):
                _record_link(request, themagroep, topic, "koppelen", page.title)
            messages.success(request, f"Het onderwerp staat nu bij “{page.title}”.")
            return redirect("themagroepen:discussies:topic_pages", slug=slug, pk=pk)
    linked = {link.page_id for link in topic.page_links.all()}
    return render(
        request,
        "themagroepen/discussies/topic_pages.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "form": form,
            "linked_pages": [p for p in pages if p.pk in linked],
            "breadcrumbs": _breadcrumbs(request, themagroep, topic, "Kennisbankpagina's"),
        },
        status=400 if form.is_bound else 200,
    )


def _record_link(request, themagroep, topic, action, detail):
    audit.record(
        topic,
        f"themagroepen.onderwerp.pagina_{action}",
        by=request.user,
        themagroep=themagroep,
        title=topic.title,
        detail=str(detail),
    )
