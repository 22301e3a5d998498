"""The group library: reading, uploading and managing files. Every lookup goes through access:
outsiders meet the group's members-only page (verborgen group: 404), and a file, folder or
version of another group, or one that does not exist, is a 404 for everybody."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kennisplatform import access
from kennisplatform.breadcrumbs import trail
from kennisplatform.input_guard import as_id
from kennisplatform.private_files import StorageError, download_response
from kennisplatform.ratelimit import rate_limited
from themagroepen.bestanden import services
from themagroepen.bestanden.forms import FileEditForm, FolderForm, UploadForm, VersionForm
from themagroepen.bestanden.models import FileVersion, Folder, GroupFile
from themagroepen.discussies.guards import members_only
from themagroepen.views import GROUPS, member_group


def _library(themagroep):
    return ("Bestanden", reverse("themagroepen:bestanden:library", kwargs={"slug": themagroep.slug}))


def _readable(request, queryset, **lookup):
    return get_object_or_404(access.filter_readable(queryset, request.user), **lookup)


def readable_folder(request, themagroep, folder_id) -> Folder:
    return _readable(
        request, Folder.objects.filter(themagroep=themagroep).select_related("parent__parent"), pk=folder_id
    )


def readable_file(request, themagroep, file_id) -> GroupFile:
    files = GroupFile.objects.filter(themagroep=themagroep).select_related("folder__parent__parent", "uploader")
    return _readable(request, files, pk=file_id)


def _folder_steps(folder):
    return folder.ancestors() if folder else []


def _folder_in_query(request, themagroep, parameter) -> Folder | None:
    """The folder named in ``?<parameter>=``: None for the top level, 404 when it is not one of
    this group's folders."""
    wanted = request.GET.get(parameter, "")
    if not wanted:
        return None
    if as_id(wanted) is None:
        raise Http404
    return readable_folder(request, themagroep, as_id(wanted))


# --- reading ---------------------------------------------------------------------------------


@members_only
@require_GET
def library(request, slug):
    themagroep = member_group(request, slug)
    return _render_folder(request, themagroep, None)


@members_only
@require_GET
def folder(request, slug, folder_id):
    themagroep = member_group(request, slug)
    return _render_folder(request, themagroep, readable_folder(request, themagroep, folder_id))


def _posted(request):
    """(data, files) of a POST, also one without other fields; nothing for GET (unbound form)."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _folder_trail_steps(themagroep, current):
    if current is None:
        return [("Bestanden", "")]
    return [_library(themagroep), *current.ancestors()[:-1], (current.name, "")]


def _render_folder(request, themagroep, current, folder_form=None, status=200):
    user = request.user
    folders = access.filter_readable(Folder.objects.filter(themagroep=themagroep, parent=current), user)
    folders = folders.annotate(n_files=Count("files", distinct=True), n_children=Count("children", distinct=True))
    files = access.filter_readable(GroupFile.objects.filter(themagroep=themagroep, folder=current), user)
    files = files.select_related("uploader").prefetch_related(
        Prefetch("versions", queryset=FileVersion.objects.select_related("uploader"))
    )
    heading = current.name if current else f"Bestanden van {themagroep.name}"
    return render(
        request,
        "themagroepen/bestanden/library.html",
        {
            "themagroep": themagroep,
            "folder": current,
            "heading": heading,
            "folders": folders,
            "files": [(f, f.versions.all()[0]) for f in files if f.versions.all()],
            "can_upload": services.can_upload(user, themagroep),
            "can_change_folder": current is not None and services.can_change_folder(user, current),
            "can_nest": services.folder_depth(current) < services.MAX_DEPTH,
            "folder_form": folder_form or FolderForm(),
            "breadcrumbs": trail(user, GROUPS, themagroep, *_folder_trail_steps(themagroep, current)),
        },
        status=status,
    )


@members_only
@require_GET
def file_detail(request, slug, file_id):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    versions = list(groupfile.versions.select_related("uploader"))
    return render(
        request,
        "themagroepen/bestanden/file_detail.html",
        {
            "themagroep": themagroep,
            "file": groupfile,
            "current": versions[0] if versions else None,
            "versions": versions,
            "can_change": services.can_change_file(request.user, groupfile),
            "breadcrumbs": _file_trail(request, themagroep, groupfile),
        },
    )


def _file_trail(request, themagroep, groupfile, *last):
    steps = [_library(themagroep), *_folder_steps(groupfile.folder)]
    if last:
        steps += [(groupfile.name, groupfile.get_absolute_url()), *last]
    else:
        steps.append((groupfile.name, ""))
    return trail(request.user, GROUPS, themagroep, *steps)


@members_only
@require_GET
def download(request, slug, file_id):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    version = groupfile.versions.first()
    if version is None:
        raise Http404
    return _serve(request, version, groupfile)


@members_only
@require_GET
def version_download(request, slug, file_id, number):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    return _serve(request, get_object_or_404(FileVersion, groupfile=groupfile, number=number), groupfile)


def _serve(request, version, groupfile):
    version.groupfile = groupfile
    access.check_can_read(request.user, version)
    return download_response(version.file, version.filename, version.content_type)


# --- uploading -------------------------------------------------------------------------------


def _form_page(request, themagroep, form, heading, submit_label, cancel_url, breadcrumbs, status=200, **extra):
    return render(
        request,
        "themagroepen/bestanden/form.html",
        {
            "themagroep": themagroep,
            "form": form,
            "heading": heading,
            "submit_label": submit_label,
            "cancel_url": cancel_url,
            "multipart": any(field.widget.needs_multipart_form for field in form.fields.values()),
            "breadcrumbs": breadcrumbs,
            **extra,
        },
        status=status,
    )


@members_only
@rate_limited("file_upload")
def upload(request, slug):
    themagroep = member_group(request, slug)
    parent = _folder_in_query(request, themagroep, "map")
    form = UploadForm(*_posted(request), themagroep=themagroep, initial={"folder": parent})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                groupfile = services.upload_file(
                    themagroep, request.user, data["file"], data["folder"], data["name"], data["description"]
                )
            except StorageError as error:
                form.add_error("file", error.message)
                status = 503
            else:
                messages.success(request, f"“{groupfile.name}” is toegevoegd aan de bibliotheek.")
                return redirect(groupfile.get_absolute_url())
        else:
            status = 400
    return _form_page(
        request,
        themagroep,
        form,
        "Bestand uploaden",
        "Uploaden",
        parent.get_absolute_url() if parent else _library(themagroep)[1],
        trail(request.user, GROUPS, themagroep, _library(themagroep), *_folder_steps(parent), ("Bestand uploaden", "")),
        status=status,
    )


@members_only
@rate_limited("file_upload")
def new_version(request, slug, file_id):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    if not services.can_change_file(request.user, groupfile):
        raise PermissionDenied("Alleen wie het bestand plaatste of een beheerder kan een nieuwe versie uploaden.")
    form = VersionForm(*_posted(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                version = services.add_version(groupfile, request.user, form.cleaned_data["file"])
            except StorageError as error:
                form.add_error("file", error.message)
                status = 503
            else:
                messages.success(request, f"Versie {version.number} van “{groupfile.name}” is geüpload.")
                return redirect(groupfile.get_absolute_url())
        else:
            status = 400
    return _form_page(
        request,
        themagroep,
        form,
        f"Nieuwe versie van “{groupfile.name}”",
        "Versie uploaden",
        groupfile.get_absolute_url(),
        _file_trail(request, themagroep, groupfile, ("Nieuwe versie", "")),
        status=status,
        note="De vorige versies blijven beschikbaar op de pagina van het bestand.",
    )


# --- managing files --------------------------------------------------------------------------


@members_only
def file_edit(request, slug, file_id):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    if not services.can_change_file(request.user, groupfile):
        raise PermissionDenied("Alleen wie het bestand plaatste of een beheerder kan het wijzigen.")
    initial = {"name": groupfile.name, "folder": groupfile.folder, "description": groupfile.description}
    form = FileEditForm(*_posted(request)[:1], themagroep=themagroep, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.change_file(groupfile, request.user, data["name"], data["folder"], data["description"])
        messages.success(request, "Uw wijziging is opgeslagen.")
        return redirect(groupfile.get_absolute_url())
    return _form_page(
        request,
        themagroep,
        form,
        f"“{groupfile.name}” wijzigen",
        "Wijziging opslaan",
        groupfile.get_absolute_url(),
        _file_trail(request, themagroep, groupfile, ("Wijzigen", "")),
        status=400 if form.is_bound else 200,
    )


@members_only
def file_delete(request, slug, file_id):
    themagroep = member_group(request, slug)
    groupfile = readable_file(request, themagroep, file_id)
    if not services.can_change_file(request.user, groupfile):
        raise PermissionDenied("Alleen wie het bestand plaatste of een beheerder kan het verwijderen.")
    back = groupfile.folder.get_absolute_url() if groupfile.folder else _library(themagroep)[1]
    if request.method == "POST":
        name = groupfile.name
        services.delete_file(groupfile, request.user)
        messages.success(request, f"“{name}” en al zijn versies zijn verwijderd.")
        return redirect(back)
    return _confirm_page(
        request,
        themagroep,
        f"“{groupfile.name}” verwijderen?",
        f"Het bestand en alle {groupfile.versions.count()} versies worden verwijderd. Dit kan niet ongedaan worden gemaakt.",
        groupfile.get_absolute_url(),
        _file_trail(request, themagroep, groupfile, ("Verwijderen", "")),
    )


def _confirm_page(request, themagroep, heading, text, cancel_url, breadcrumbs, error=None, status=200):
    return render(
        request,
        "themagroepen/bestanden/confirm_delete.html",
        {
            "themagroep": themagroep,
            "heading": heading,
            "text": text,
            "error": error,
            "cancel_url": cancel_url,
            "breadcrumbs": breadcrumbs,
        },
        status=status,
    )


# --- folders ---------------------------------------------------------------------------------


@members_only
@rate_limited("file_upload")
def folder_create(request, slug):
    themagroep = member_group(request, slug)
    parent = _folder_in_query(request, themagroep, "in")
    if not services.can_upload(request.user, themagroep):
        raise PermissionDenied
    form = FolderForm(*_posted(request)[:1])
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_folder(themagroep, request.user, form.cleaned_data["name"], parent)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, f"De map “{created.name}” is aangemaakt.")
            return redirect(created.get_absolute_url())
    return _form_page(
        request,
        themagroep,
        form,
        f"Nieuwe map in “{parent.name}”" if parent else "Nieuwe map",
        "Map aanmaken",
        parent.get_absolute_url() if parent else _library(themagroep)[1],
        trail(request.user, GROUPS, themagroep, _library(themagroep), *_folder_steps(parent), ("Nieuwe map", "")),
        status=400 if form.is_bound else 200,
    )


def _changeable_folder(request, slug, folder_id):
    themagroep = member_group(request, slug)
    current = readable_folder(request, themagroep, folder_id)
    if not services.can_change_folder(request.user, current):
        raise PermissionDenied("Alleen wie de map aanmaakte of een beheerder kan haar wijzigen.")
    return themagroep, current


def _folder_trail(request, themagroep, current, label):
    return trail(request.user, GROUPS, themagroep, _library(themagroep), *_folder_steps(current), (label, ""))


@members_only
def folder_edit(request, slug, folder_id):
    themagroep, current = _changeable_folder(request, slug, folder_id)
    form = FolderForm(*_posted(request)[:1], initial={"name": current.name})
    if request.method == "POST" and form.is_valid():
        services.rename_folder(current, request.user, form.cleaned_data["name"])
        messages.success(request, "De naam van de map is gewijzigd.")
        return redirect(current.get_absolute_url())
    return _form_page(
        request,
        themagroep,
        form,
        f"Map “{current.name}” hernoemen",
        "Naam opslaan",
        current.get_absolute_url(),
        _folder_trail(request, themagroep, current, "Hernoemen"),
        status=400 if form.is_bound else 200,
    )


@members_only
def folder_delete(request, slug, folder_id):
    themagroep, current = _changeable_folder(request, slug, folder_id)
    back = current.parent.get_absolute_url() if current.parent else _library(themagroep)[1]
    error = None
    if request.method == "POST":
        try:
            name = current.name
            services.delete_folder(current, request.user)
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            messages.success(request, f"De map “{name}” is verwijderd.")
            return redirect(back)
    return _confirm_page(
        request,
        themagroep,
        f"Map “{current.name}” verwijderen?",
        "Alleen een lege map kan worden verwijderd. Dit kan niet ongedaan worden gemaakt.",
        current.get_absolute_url(),
        _folder_trail(request, themagroep, current, "Verwijderen"),
        error=error,
        status=400 if error else 200,
    )
