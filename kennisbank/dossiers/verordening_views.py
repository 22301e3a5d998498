"""The verordening wizard: one step per page with plain form posts, the overview, the result
files and the comparison with a newer model. Only officials with a dossier may use it."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kennisbank import verordening_export
from kennisbank.dossiers import concepts, wizard
from kennisbank.dossiers.views import for_organisation

FORMATS = {"docx": verordening_export.DOCX_TYPE, "odt": verordening_export.ODT_TYPE}
STEP_COUNT = len(wizard.STEPS) + 1  # and the overview


def _step_url(concept, slug):
    return reverse("dossiers:verordening_step", args=(concept.pk, slug))


def _crumbs(request, concept=None):
    crumbs = [("Dossier", reverse("dossiers:dossier"))]
    if concept is not None:
        crumbs.append((concepts.title(concept), reverse("dossiers:verordening", args=(concept.pk,))))
    else:
        crumbs.append(("Eigen verordening", request.path))
    return crumbs


def _progress(concept, current):
    done = wizard.done_steps(concept.answers)
    steps = [(s.slug, s.title, s.slug in done, _step_url(concept, s.slug)) for s in wizard.STEPS]
    steps.append((wizard.OVERVIEW, "Overzicht", False, _step_url(concept, wizard.OVERVIEW)))
    return [
        {"number": n, "slug": slug, "title": title, "done": is_done, "url": url, "current": slug == current}
        for n, (slug, title, is_done, url) in enumerate(steps, 1)
    ]


@require_http_methods(["GET", "POST"])
@for_organisation
def start(request, organisation):
    """Explain the wizard and start a draft on a model (a plain post creates it)."""
    models = list(concepts.models_for(request.user))
    if request.method == "POST":
        chosen = request.POST.get("model", "")
        page = next((m for m in models if str(m.pk) == chosen), None)
        if page is None:
            messages.error(request, "Kies de modelverordening waarop u uw verordening wilt baseren.")
        else:
            concept = concepts.create(request.user, organisation, page)
            return redirect(_step_url(concept, wizard.STEPS[0].slug))
    selected = request.GET.get("model", "")
    context = {
        "organisation": organisation,
        "models": models,
        "selected": selected if any(str(m.pk) == selected for m in models) else str(models[0].pk) if models else "",
        "steps": wizard.STEPS,
        "breadcrumbs": _crumbs(request),
    }
    return render(request, "dossiers/verordening/start.html", context)


@require_http_methods(["GET", "POST"])
@for_organisation
def step(request, organisation, pk, slug):
    concept = concepts.get_concept(request.user, pk)
    if slug == wizard.OVERVIEW:
        return _overview(request, concept)
    current = wizard.STEP_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    index = wizard.STEPS.index(current)
    form = wizard.form_for(current, concept.answers)
    if request.method == "POST":
        action = request.POST.get("actie", "volgende")
        concepts.save_step(concept, request.user, current, request.POST)
        form = wizard.form_for(current, concept.answers, data=request.POST)
        if action == "vorige":
            # Saved as entered, also when not yet valid: the officials come back to it.
            return redirect(_step_url(concept, wizard.STEPS[index - 1].slug) if index else reverse("dossiers:dossier"))
        if form.is_valid():
            if action == "opslaan":
                messages.success(request, f"Stap {index + 1} is opgeslagen.")
                return redirect(_step_url(concept, slug))
            following = wizard.STEPS[index + 1].slug if index + 1 < len(wizard.STEPS) else wizard.OVERVIEW
            return redirect(_step_url(concept, following))
    context = {
        "concept": concept,
        "title": concepts.title(concept),
        "step": current,
        "number": index + 1,
        "count": STEP_COUNT,
        "form": form,
        "progress": _progress(concept, slug),
        "first": index == 0,
        "breadcrumbs": _crumbs(request, concept),
    }
    return render(request, "dossiers/verordening/step.html", context, status=200)


def _overview(request, concept):
    if request.method == "POST":
        incomplete = [s for s in wizard.STEPS if s.slug not in wizard.done_steps(concept.answers)]
        if incomplete:
            messages.error(request, f"Vul eerst stap “{incomplete[0].title}” volledig in.")
            return redirect(_step_url(concept, incomplete[0].slug))
        concepts.mark_generated(concept, request.user)
        messages.success(request, "Uw verordening is gemaakt en opgeslagen in het dossier.")
        return redirect("dossiers:verordening", concept.pk)
    done = wizard.done_steps(concept.answers)
    missing, left = concepts.gaps(concept)
    context = {
        "concept": concept,
        "title": concepts.title(concept),
        "number": STEP_COUNT,
        "count": STEP_COUNT,
        "progress": _progress(concept, wizard.OVERVIEW),
        "sections": [
            {
                "step": s,
                "done": s.slug in done,
                "rows": wizard.summary(s, concept.answers),
                "url": _step_url(concept, s.slug),
            }
            for s in wizard.STEPS
        ],
        "complete": len(done) == len(wizard.STEPS),
        "missing": missing,
        "left": left,
        "outdated": concepts.is_outdated(concept),
        "breadcrumbs": _crumbs(request, concept),
    }
    return render(request, "dossiers/verordening/overview.html", context)


@require_GET
@for_organisation
def detail(request, organisation, pk):
    concept = concepts.get_concept(request.user, pk)
    context = {
        "concept": concept,
        "title": concepts.title(concept),
        "ready": concept.generated_at is not None and concepts.filling(concept) is not None,
        "formats": list(FORMATS),
        "outdated": concepts.is_outdated(concept),
        "breadcrumbs": _crumbs(request, concept),
    }
    return render(request, "dossiers/verordening/detail.html", context)


@require_GET
@for_organisation
def download(request, organisation, pk, fmt):
    concept = concepts.get_concept(request.user, pk)
    if concept.generated_at is None or concepts.filling(concept) is None:
        messages.error(request, "Deze verordening is nog niet af. Vul alle stappen in en maak de verordening.")
        return redirect(_step_url(concept, wizard.OVERVIEW))
    response = HttpResponse(concepts.document(concept, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{concepts.filename(concept, fmt)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@for_organisation
def changes(request, organisation, pk):
    """The articles that changed in the model since the draft was built, old and new side by side."""
    concept = concepts.get_concept(request.user, pk)
    if request.method == "POST":
        concepts.move_to_current(concept, request.user)
        messages.success(request, "Uw concept volgt nu de nieuwe versie van het model. Controleer het overzicht.")
        return redirect(_step_url(concept, wizard.OVERVIEW))
    page = concepts.live_model(concept)
    context = {
        "concept": concept,
        "title": concepts.title(concept),
        "page": page,
        "changes": concepts.changed_articles(concept, page),
        "breadcrumbs": _crumbs(request, concept) + [("Wijzigingen in het model", request.path)],
    }
    return render(request, "dossiers/verordening/changes.html", context)
