"""The search page and the JSON API: both ask ``service.search`` with the same parameters."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kennisplatform.ratelimit import rate_limited

from . import service
from .params import SORTS, SearchParams

MIN_SUGGEST_CHARS = 2


def _page_links(params: SearchParams, total: int):
    """Previous/next and numbered page links, as query strings."""
    pages = min((total + params.page_size - 1) // params.page_size, 100)
    window = range(max(1, params.page - 2), min(pages, params.page + 2) + 1)
    return {
        "pages": pages,
        "numbers": [(n, params.querystring(page=n)) for n in window],
        "previous": params.querystring(page=params.page - 1) if params.page > 1 else None,
        "next": params.querystring(page=params.page + 1) if params.page < pages else None,
    }


@never_cache
@require_GET
def search_page(request):
    params = SearchParams.from_querydict(request.GET)
    results = service.search(params, request.user) if params.active else None
    context = {
        "params": params,
        "results": results,
        "sorts": SORTS,
        "breadcrumbs": [("Zoeken", request.path)],
    }
    if results is not None:
        context["pagination"] = _page_links(params, results.total)
        context["facet_links"] = {
            facet.param: [(value, params.toggled(facet.param, value.value)) for value in facet.values]
            for facet in results.facets
        }
        context["suggestion_link"] = params.querystring(q=results.suggestion, page=1) if results.suggestion else ""
        # A confident correction was applied: say so, and link to the query as typed.
        context["shown_query"] = params.q if not results.corrected_from else results.query
        context["literal_link"] = params.querystring(page=1, literal=True)
        context["first_number"] = params.offset + 1
        context["clear_filters_link"] = params.querystring(filters={}, page=1)
    return render(request, "search/zoeken.html", context)


@never_cache
@require_GET
@rate_limited("search_api", limit_get=True, as_json=True)
def search_api(request):
    params = SearchParams.from_querydict(request.GET)
    results = service.search(params, request.user)
    return JsonResponse(
        {
            "query": params.q,
            "filters": {k: list(v) for k, v in params.filters.items()},
            "sort": params.sort,
            "page": params.page,
            "page_size": params.page_size,
            "total": results.total,
            "results": [hit.as_json() for hit in results.hits],
            "facets": {
                facet.param: {"label": facet.label, "values": [v.as_json() for v in facet.values]}
                for facet in results.facets
            },
            "suggestion": results.suggestion or None,
            "corrected_query": results.query if results.corrected_from else None,
            "engine": results.engine,
            "notice": results.notice or None,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@never_cache
@require_GET
@rate_limited("search_suggestions", limit_get=True, as_json=True)
def suggestions_api(request):
    q = " ".join(request.GET.get("q", "").split())[:100]
    suggestions = service.title_suggestions(q, request.user) if len(q) >= MIN_SUGGEST_CHARS else []
    return JsonResponse({"query": q, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
