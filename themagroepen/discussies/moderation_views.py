"""Beheerders pin, lock, move and hide; members report; beheerders decide on reports
(hide the post, lock the topic or dismiss, always with a reason the reporter is told).

Nothing is deleted: hiding flips a flag and access keeps hidden posts for beheerders only.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from kennisplatform.ratelimit import rate_limited
from themagroepen import audit
from themagroepen.discussies import services
from themagroepen.discussies.forms import MoveForm, ReportDecisionForm, ReportForm
from themagroepen.discussies.guards import members_only, readable_reply, readable_topic, require_beheerder
from themagroepen.discussies.models import Outcome, Report
from themagroepen.discussies.views import _discussions
from themagroepen.models import Themagroep
from themagroepen.views import GROUPS, member_group

TOPIC_ACTIONS = {
    "vastzetten": ("pinned", True, "Het onderwerp staat nu bovenaan."),
    "losmaken": ("pinned", False, "Het onderwerp staat niet langer bovenaan."),
    "sluiten": ("locked", True, "Het onderwerp is gesloten voor nieuwe reacties."),
    "openen": ("locked", False, "Het onderwerp is weer open voor reacties."),
    "verbergen": ("hidden", True, "Het onderwerp is verborgen; alleen beheerders zien het nog."),
    "tonen": ("hidden", False, "Het onderwerp is weer zichtbaar voor alle leden."),
}
REPLY_ACTIONS = {
    "verbergen": (True, "De reactie is verborgen; alleen beheerders zien haar nog."),
    "tonen": (False, "De reactie is weer zichtbaar voor alle leden."),
}


@members_only
@require_POST
def topic_moderate(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    require_beheerder(request, themagroep)
    action = TOPIC_ACTIONS.get(request.POST.get("actie", ""))
    if action is None:
        messages.error(request, "Onbekende actie.")
    else:
        flag, value, message = action
        services.set_flag(topic, flag, value)
        audit.record(
            topic,
            f"themagroepen.onderwerp.{request.POST['actie']}",
            by=request.user,
            themagroep=themagroep,
            title=topic.title,
        )
        messages.success(request, message)
    return redirect(topic.get_absolute_url())


@members_only
@require_POST
def reply_moderate(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    require_beheerder(request, themagroep)
    action = REPLY_ACTIONS.get(request.POST.get("actie", ""))
    if action is None:
        messages.error(request, "Onbekende actie.")
    else:
        value, message = action
        services.set_flag(reply, "hidden", value)
        audit.record(
            reply,
            f"themagroepen.reactie.{request.POST['actie']}",
            by=request.user,
            themagroep=themagroep,
            title=f"Reactie in “{reply.topic.title}”",
        )
        messages.success(request, message)
    return redirect(services.post_url(reply.topic, reply))


def moderated_groups(user):
    """Groups where this person is beheerder: the only possible targets of a move."""
    ids = [int(key.removeprefix("beheer:")) for key in access.held_keys(user) if key.startswith("beheer:")]
    return Themagroep.objects.filter(pk__in=ids)


@members_only
def topic_move(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    require_beheerder(request, themagroep)
    form = MoveForm(request.POST or None, groups=moderated_groups(request.user).exclude(pk=themagroep.pk))
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        services.move_topic(topic, target)
        audit.record(
            topic,
            "themagroepen.onderwerp.verplaatsen",
            by=request.user,
            themagroep=themagroep,
            title=topic.title,
            detail=f"naar {target.name}",
        )
        messages.success(request, f"Het onderwerp is verplaatst naar {target.name}.")
        return redirect(topic.get_absolute_url())
    return render(
        request,
        "themagroepen/discussies/move_form.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "form": form,
            "breadcrumbs": trail(
                request.user,
                GROUPS,
                themagroep,
                _discussions(themagroep),
                (topic.title, topic.get_absolute_url()),
                ("Verplaatsen", ""),
            ),
        },
    )


@members_only
@rate_limited("report")
def topic_report(request, slug, pk):
    themagroep = member_group(request, slug)
    topic = readable_topic(request, themagroep, pk)
    return _report(request, themagroep, topic, None)


@members_only
@rate_limited("report")
def reply_report(request, slug, reply_id):
    themagroep = member_group(request, slug)
    reply = readable_reply(request, themagroep, reply_id)
    return _report(request, themagroep, reply.topic, reply)


def _report(request, themagroep, topic, reply):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report(request.user, topic, reply, form.cleaned_data["reason"])
        messages.success(request, "Dank u. De beheerders van de groep bekijken uw melding.")
        return redirect(services.post_url(topic, reply))
    return render(
        request,
        "themagroepen/discussies/report_form.html",
        {
            "themagroep": themagroep,
            "topic": topic,
            "reply": reply,
            "form": form,
            "breadcrumbs": trail(
                request.user,
                GROUPS,
                themagroep,
                _discussions(themagroep),
                (topic.title, topic.get_absolute_url()),
                ("Melden", ""),
            ),
        },
    )


def _group_reports(request, themagroep):
    reports = access.filter_readable(Report.objects.filter(topic__themagroep=themagroep), request.user)
    return reports.select_related("topic", "topic__themagroep", "reply", "reporter", "resolved_by")


@members_only
def report_list(request, slug):
    themagroep = member_group(request, slug)
    require_beheerder(request, themagroep)
    return _render_queue(request, themagroep)


def _render_queue(request, themagroep, failed_form=None):
    """Open reports each with their decision form (the one that failed bound, with its errors)."""
    reports = list(_group_reports(request, themagroep))
    failed_pk = failed_form.report.pk if failed_form else None
    open_reports = [
        (report, failed_form if report.pk == failed_pk else ReportDecisionForm(report=report))
        for report in reports
        if report.resolved_at is None
    ]
    resolved = sorted((r for r in reports if r.resolved_at is not None), key=lambda r: r.resolved_at, reverse=True)
    return render(
        request,
        "themagroepen/discussies/report_list.html",
        {
            "themagroep": themagroep,
            "open_reports": open_reports,
            "resolved_reports": resolved[:50],
            "breadcrumbs": trail(request.user, GROUPS, themagroep, _discussions(themagroep), (_("Meldingen"), "")),
        },
    )


@members_only
@require_POST
def report_resolve(request, slug, report_id):
    themagroep = member_group(request, slug)
    require_beheerder(request, themagroep)
    report = get_object_or_404(_group_reports(request, themagroep), pk=report_id)
    if report.resolved_at is not None:
        messages.error(request, _("Deze melding is al afgehandeld."))
        return redirect("themagroepen:discussies:reports", slug=slug)
    form = ReportDecisionForm(request.POST, report=report)
    if not form.is_valid():
        return _render_queue(request, themagroep, failed_form=form)
    outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
    try:
        services.resolve_report(report, request.user, outcome, reason)
    except services.AlreadyResolved:
        messages.error(request, _("Deze melding is al afgehandeld."))
        return redirect("themagroepen:discussies:reports", slug=slug)
    audit.record(
        report,
        "themagroepen.melding.afhandelen",
        by=request.user,
        themagroep=themagroep,
        title=f"Melding over “{report.topic.title}”",
        detail=f"{Outcome(outcome).label}: {reason}",
    )
    messages.success(request, _("De melding is afgehandeld: %(outcome)s.") % {"outcome": Outcome(outcome).label})
    return redirect("themagroepen:discussies:reports", slug=slug)
