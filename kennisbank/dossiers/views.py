"""The dossier pages: save a checklist (plain form post), read the dossier, export it."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kennisbank.dossiers import concepts, exports, services
from kennisbank.models import HoofdstukPage
from kennisplatform.access import readable_pages
from kennisplatform.input_guard import as_id

FORMATS = {
    "pdf": (exports.dossier_pdf, exports.PDF_TYPE),
    "docx": (exports.dossier_docx, exports.DOCX_TYPE),
    "odt": (exports.dossier_odt, exports.ODT_TYPE),
}


def for_organisation(view):
    """Signed in, and with an organisation whose dossier this is: the view gets it after request."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        organisation = services.dossier_organisation(request.user)
        if organisation is None:
            return render(request, "dossiers/no_organisation.html", status=403)
        return view(request, organisation, *args, **kwargs)

    return wrapper


def _numbers(values):
    numbers = set()
    for value in values:
        if as_id(value) is None:
            raise ValueError(value)
        numbers.add(as_id(value))
    return numbers


@require_POST
@for_organisation
def save_checklist(request, organisation):
    chapter_id = request.POST.get("hoofdstuk", "")
    chapter = readable_pages(HoofdstukPage.objects.filter(pk=as_id(chapter_id) or 0), request.user).first()
    if chapter is None:
        raise Http404
    block_id = request.POST.get("checklist", "")
    try:
        ticked = _numbers(request.POST.getlist("vinkje"))
        notes = {
            as_id(key.removeprefix("notitie-")): value
            for key, value in request.POST.items()
            if key.startswith("notitie-") and as_id(key.removeprefix("notitie-")) is not None
        }
        services.save_checklist(request.user, organisation, chapter, block_id, ticked, notes)
    except (ValueError, LookupError):
        return HttpResponseBadRequest("Deze checklist of dit punt bestaat niet (meer). Laad de pagina opnieuw.")
    messages.success(request, f"De checklist is opgeslagen in het dossier van {organisation.name}.")
    return redirect(f"{chapter.url}#dossier-{block_id}")


@require_GET
@for_organisation
def dossier(request, organisation):
    context = {
        "organisation": organisation,
        "contents": services.dossier(request.user),
        "formats": list(FORMATS),
        "verordeningen": concepts.dossier_entries(request.user),
        "breadcrumbs": [("Dossier", request.path)],
    }
    return render(request, "dossiers/dossier.html", context)


@require_GET
@for_organisation
def export(request, organisation, fmt):
    build, content_type = FORMATS[fmt]
    response = HttpResponse(build(organisation, services.dossier(request.user)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="dossier-leegstand.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
