"""Pages of a themagroep's bijeenkomsten: listings, one date, signing up and the beheerder's tools."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from kennisplatform.private_files import StorageError
from kennisplatform.public_url import absolute_url
from themagroepen.bijeenkomsten import csv_export, ical, mail, permissions, services
from themagroepen.bijeenkomsten.forms import AttachmentForm, BijeenkomstForm, RegistrationForm, VerslagForm
from themagroepen.bijeenkomsten.models import Attachment, Bijeenkomst, Occurrence
from themagroepen.models import Themagroep
from themagroepen.views import GROUPS, refuse_outsider

PAST_PER_PAGE = 20


def _themagroep(request, slug) -> Themagroep:
    themagroep = get_object_or_404(Themagroep, slug=slug)
    access.check_can_read(request.user, themagroep)
    return themagroep


def _occurrence(request, slug, pk) -> Occurrence:
    occurrence = (
        Occurrence.objects.select_related("bijeenkomst__themagroep", "bijeenkomst__organiser")
        .filter(pk=pk, bijeenkomst__themagroep__slug=slug)
        .first()
    )
    if occurrence is None or not access.can_read(request.user, occurrence):
        # Absent and unreadable look the same: 404, or the members-only page of a known group.
        refuse_outsider(request, _themagroep(request, slug))
    return occurrence


def _require_manager(request, occurrence) -> None:
    # Outsiders must not learn that a members-only page exists: 404 before 403.
    if not permissions.can_read_details(request.user, occurrence) and not request.user.is_superuser:
        raise Http404
    if not permissions.can_manage(request.user, occurrence):
        raise PermissionDenied


def _crumbs(request, themagroep, *extra):
    """The group's trail through its bijeenkomsten list (kennisplatform.breadcrumbs.trail)."""
    meetings = ("Bijeenkomsten", reverse("bijeenkomsten:group_list", kwargs={"slug": themagroep.slug}))
    return trail(request.user, GROUPS, themagroep, meetings, *extra)


def group_list(request, slug):
    themagroep = _themagroep(request, slug)
    readable = access.filter_readable(Occurrence.objects.filter(bijeenkomst__themagroep=themagroep), request.user)
    readable = readable.select_related("bijeenkomst__themagroep")
    context = {
        "themagroep": themagroep,
        "upcoming": list(readable.upcoming()),
        "past": Paginator(readable.past(), PAST_PER_PAGE).get_page(request.GET.get("pagina")),
        "is_beheerder": permissions.is_beheerder(request.user, themagroep),
        "breadcrumbs": _crumbs(request, themagroep),
    }
    return render(request, "bijeenkomsten/group_list.html", context)


def detail(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    bijeenkomst = occurrence.bijeenkomst
    user = request.user
    registration = services.registration_of(user, occurrence)
    show_details = permissions.can_read_details(user, occurrence)
    context = {
        "occurrence": occurrence,
        "bijeenkomst": bijeenkomst,
        "themagroep": bijeenkomst.themagroep,
        "show_details": show_details,
        "registration": registration,
        "waiting_position": services.waiting_position(registration) if registration else None,
        "can_register": permissions.can_register(user, occurrence),
        "can_manage": permissions.can_manage(user, occurrence),
        "show_location": permissions.can_see_location(user, occurrence, registration),
        "places": services.places(occurrence) if show_details or permissions.can_register(user, occurrence) else None,
        "other_dates": list(bijeenkomst.occurrences.upcoming().exclude(pk=occurrence.pk)[:6])
        if bijeenkomst.is_series
        else [],
        "attachments": list(occurrence.attachments.all()) if show_details else [],
        "breadcrumbs": _crumbs(request, bijeenkomst.themagroep, (bijeenkomst.title, "")),
    }
    return render(request, "bijeenkomsten/occurrence_detail.html", context)


@login_required
def register(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    if not permissions.can_register(request.user, occurrence):
        raise PermissionDenied
    current = services.registration_of(request.user, occurrence)
    form = RegistrationForm(request.POST or None, initial={"remark": current.remark if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(request.user, occurrence, form.cleaned_data["remark"])
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            if registration.status == "aangemeld":
                messages.success(request, "U bent ingeschreven. U ontvangt de dag van tevoren een herinnering.")
            else:
                messages.success(
                    request, "De bijeenkomst is vol. U staat op de wachtlijst en krijgt bericht zodra er plaats is."
                )
        return redirect(occurrence.get_absolute_url())
    context = {
        "occurrence": occurrence,
        "bijeenkomst": occurrence.bijeenkomst,
        "form": form,
        "registration": current,
        "places": services.places(occurrence),
        "breadcrumbs": _crumbs(
            request,
            occurrence.bijeenkomst.themagroep,
            (occurrence.bijeenkomst.title, occurrence.get_absolute_url()),
            ("Inschrijven", ""),
        ),
    }
    return render(request, "bijeenkomsten/register_form.html", context)


@login_required
@require_POST
def cancel(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    try:
        cancelled = services.cancel(request.user, occurrence)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if cancelled:
            messages.success(request, "U bent uitgeschreven.")
    return redirect(occurrence.get_absolute_url())


@login_required
def participants(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    _require_manager(request, occurrence)
    registrations = occurrence.registrations.exclude(status="afgemeld").select_related("user")
    context = {
        "occurrence": occurrence,
        "bijeenkomst": occurrence.bijeenkomst,
        "confirmed": [r for r in registrations if r.status == "aangemeld"],
        "waiting": [r for r in registrations if r.status == "wachtlijst"],
        "breadcrumbs": _crumbs(
            request,
            occurrence.bijeenkomst.themagroep,
            (occurrence.bijeenkomst.title, occurrence.get_absolute_url()),
            ("Deelnemers", ""),
        ),
    }
    return render(request, "bijeenkomsten/participants.html", context)


@login_required
def participants_csv(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    _require_manager(request, occurrence)
    response = HttpResponse(csv_export.participants_csv(occurrence), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="deelnemers-{occurrence.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def occurrence_ics(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    registration = services.registration_of(request.user, occurrence)
    event = ical.occurrence_event(occurrence, permissions.can_see_location(request.user, occurrence, registration))
    return _ics_response(ical.calendar_bytes([event]), f"bijeenkomst-{occurrence.pk}.ics")


def series_ics(request, slug, pk):
    bijeenkomst = Bijeenkomst.objects.select_related("themagroep").filter(pk=pk, themagroep__slug=slug).first()
    if bijeenkomst is None or not access.can_read(request.user, bijeenkomst):
        refuse_outsider(request, _themagroep(request, slug))
    if not bijeenkomst.is_series:
        raise Http404
    first = bijeenkomst.occurrences.order_by("start").first()
    url = absolute_url(reverse("bijeenkomsten:group_list", kwargs={"slug": slug}))
    # The series file carries no address: that depends on each date's own registration.
    event = ical.series_event(bijeenkomst, absolute_url(first.get_absolute_url()) if first else url, False)
    return _ics_response(ical.calendar_bytes([event]), f"reeks-{bijeenkomst.pk}.ics")


@login_required
def verslag(request, slug, pk):
    occurrence = _occurrence(request, slug, pk)
    _require_manager(request, occurrence)
    verslag_form = VerslagForm(instance=occurrence, prefix="verslag")
    attachment_form = AttachmentForm(prefix="bijlage")
    if request.method == "POST" and "verslag-verslag" in request.POST:
        verslag_form = VerslagForm(request.POST, instance=occurrence, prefix="verslag")
        if verslag_form.is_valid():
            verslag_form.save()
            messages.success(request, "Het verslag is opgeslagen.")
            return redirect(occurrence.get_absolute_url())
    elif request.method == "POST":
        attachment_form = AttachmentForm(request.POST, request.FILES, prefix="bijlage")
        if attachment_form.is_valid():
            attachment = attachment_form.save(commit=False)
            attachment.occurrence = occurrence
            attachment.uploaded_by = request.user
            try:
                with transaction.atomic():  # a failed save must not poison an outer transaction
                    attachment.save()
            except StorageError as error:
                attachment_form.add_error("file", error.message)
            else:
                messages.success(request, f"‘{attachment.title}’ is toegevoegd.")
                return redirect(reverse("bijeenkomsten:verslag", kwargs={"slug": slug, "pk": pk}))
    context = {
        "occurrence": occurrence,
        "bijeenkomst": occurrence.bijeenkomst,
        "verslag_form": verslag_form,
        "attachment_form": attachment_form,
        "attachments": occurrence.attachments.all(),
        "breadcrumbs": _crumbs(
            request,
            occurrence.bijeenkomst.themagroep,
            (occurrence.bijeenkomst.title, occurrence.get_absolute_url()),
            ("Verslag en presentaties", ""),
        ),
    }
    return render(request, "bijeenkomsten/verslag_form.html", context)


@login_required
@require_POST
def attachment_delete(request, slug, pk, attachment_pk):
    occurrence = _occurrence(request, slug, pk)
    _require_manager(request, occurrence)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, occurrence=occurrence)
    attachment.file.delete(save=False)
    attachment.delete()
    messages.success(request, "De bijlage is verwijderd.")
    return redirect(reverse("bijeenkomsten:verslag", kwargs={"slug": slug, "pk": pk}))


def attachment_download(request, slug, pk, attachment_pk, filename):
    occurrence = _occurrence(request, slug, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, occurrence=occurrence)
    access.check_can_read(request.user, attachment)
    if attachment.filename != filename:
        raise Http404
    content_type = mimetypes.guess_type(attachment.filename)[0] or "application/octet-stream"
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def create(request, slug, pk=None):
    themagroep = _themagroep(request, slug)
    if not access.keys_overlap(themagroep.content_keys(), access.held_keys(request.user)):
        refuse_outsider(request, themagroep)
    if not permissions.is_beheerder(request.user, themagroep):
        raise PermissionDenied
    instance = (
        get_object_or_404(Bijeenkomst, pk=pk, themagroep=themagroep)
        if pk
        else Bijeenkomst(themagroep=themagroep, organiser=request.user)
    )
    old_capacity = instance.capacity
    # Taken before validation, which already writes the new values onto the instance.
    times_before = {o.pk: (o.start, o.end) for o in instance.occurrences.all()} if pk else {}
    place_before = mail.where(instance)
    form = BijeenkomstForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        bijeenkomst = form.save()
        if pk:
            mail.announce_changes(bijeenkomst, times_before, place_before)
        if bijeenkomst.capacity != old_capacity:
            for occurrence in bijeenkomst.occurrences.upcoming():
                services.refill_after_capacity_change(occurrence)
        messages.success(request, "De bijeenkomst is opgeslagen.")
        first = bijeenkomst.occurrences.upcoming().first() or bijeenkomst.occurrences.last()
        return redirect(
            first.get_absolute_url() if first else reverse("bijeenkomsten:group_list", kwargs={"slug": slug})
        )
    title = "Bijeenkomst bewerken" if pk else "Nieuwe bijeenkomst"
    context = {
        "themagroep": themagroep,
        "form": form,
        "title": title,
        "breadcrumbs": _crumbs(request, themagroep, (title, "")),
    }
    return render(request, "bijeenkomsten/bijeenkomst_form.html", context)


@login_required
@require_POST
def start_discussion(request, slug, pk):
    """Open a topic in the group's discussions about this meeting's verslag, and link it."""
    from themagroepen.bijeenkomsten.templatetags.bijeenkomsten import when
    from themagroepen.discussies.services import create_topic

    occurrence = _occurrence(request, slug, pk)
    _require_manager(request, occurrence)
    if not occurrence.discussion_url:
        bijeenkomst = occurrence.bijeenkomst
        body = (
            f"Het verslag van ‘{bijeenkomst.title}’ ({when(occurrence)}) staat online: "
            f"{absolute_url(occurrence.get_absolute_url())}\n\nWat neemt u mee uit deze bijeenkomst?"
        )
        topic = create_topic(bijeenkomst.themagroep, request.user, f"Verslag: {bijeenkomst.title}", body)
        occurrence.discussion_url = topic.get_absolute_url()
        occurrence.save(update_fields=["discussion_url", "verslag_html"])
        messages.success(request, "Er is een discussie over het verslag gestart.")
    return redirect(occurrence.discussion_url)
