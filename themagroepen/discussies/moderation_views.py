"""Beheerders pin, lock, move and hide; members report; beheerders resolve reports.

Nothing is deleted: hiding flips a flag and access keeps hidden posts for beheerders only.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from kennisplatform.ratelimit import rate_limited
from themagroepen import audit
from themagroepen.discussies import services
from themagroepen.discussies.forms import MoveForm, ReportForm
from themagroepen.discussies.guards import members_only, readable_reply, readable_topic, require_beheerder
from themagroepen.discussies.models import Report
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


@members_only
def report_list(request, slug):
    themagroep = member_group(request, slug)
    require_beheerder(request, themagroep)
    reports = access.filter_readable(Report.objects.filter(topic__themagroep=themagroep), request.user)
    reports = reports.select_related("topic", "topic__themagroep", "reply", "reporter", "resolved_by")
    return render(
        request,
        "themagroepen/discussies/report_list.html",
        {
            "themagroep": themagroep,
            "open_reports": [r for r in reports if r.resolved_at is None],
            "resolved_reports": [r for r in reports if r.resolved_at is not None][:50],
            "breadcrumbs": trail(request.user, GROUPS, themagroep, _discussions(themagroep), ("Meldingen", "")),
        },
    )


@members_only
@require_POST
def report_resolve(request, slug, report_id):
    themagroep = member_group(request, slug)
    require_beheerder(request, themagroep)
    report = get_object_or_404(
        access.filter_readable(Report.objects.filter(topic__themagroep=themagroep), request.user), pk=report_id
    )
    services.resolve_report(report, request.user)
    audit.record(
        report,
        "themagroepen.melding.afhandelen",
        by=request.user,
        themagroep=themagroep,
        title=f"Melding over “{report.topic.title}”",
    )
    messages.success(request, "De melding is afgehandeld.")
    return redirect("themagroepen:discussies:reports", slug=slug)
