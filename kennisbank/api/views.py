"""Read-only endpoints of the open-data API (``/api/v1/``)."""

import csv
import io
import json

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework.authentication import SessionAuthentication
from rest_framework.fields import IntegerField
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from kennisbank.api import params, serializers
from kennisbank.api.caching import conditional, newest_change
from kennisbank.api.errors import exception_handler
from kennisbank.api.pagination import OpenDataPagination
from kennisbank.api.throttling import OpenDataAnonThrottle, OpenDataUserThrottle
from kennisbank.blocks import referenced_page_ids
from kennisbank.filters import VoorbeeldFilter
from kennisbank.models import HandreikingPage, HoofdstukPage, InstrumentPage, PublicatiePage, VoorbeeldPage
from kennisbank.pages.common import readable_ids
from kennisplatform.access import readable_pages

ERRORS = {
    400: OpenApiResponse(description="Ongeldige parameters (met een melding per parameter)."),
    404: OpenApiResponse(description="Niet gevonden, of niet voor u leesbaar."),
    429: OpenApiResponse(description="Te veel verzoeken; zie de header Retry-After."),
}


class OpenDataView(APIView):
    """Shared behaviour: read-only JSON, session sign-in (so the pages' access rules apply),
    rate limits, Dutch errors and caching headers."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = []
    throttle_classes = [OpenDataAnonThrottle, OpenDataUserThrottle]
    params_class = params.DetailParams
    last_modified = None
    same_for_everyone = False

    def get_exception_handler(self):
        return exception_handler

    def reader(self):
        """Whose access rules apply: the person asking (the export overrides this)."""
        return self.request.user

    def validated_params(self):
        checker = self.params_class(data=self.request.query_params, user=self.reader())
        checker.is_valid(raise_exception=True)
        return checker.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            return conditional(request, response, self.last_modified, public=self.same_for_everyone)
        return response


class PageEndpoint(OpenDataView, GenericAPIView):
    """List and detail of one page type, always limited to what the reader may read."""

    model = None
    ordering = ("title",)
    pagination_class = OpenDataPagination

    def readable(self):
        return readable_pages(self.model.objects.all(), self.reader())

    def filter(self, queryset, filters):
        return queryset

    def optimise(self, queryset):
        return queryset

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # Schema generation (also `manage.py check`) needs the model, not a database query.
            return self.model.objects.none()
        filters = self.validated_params()
        return self.optimise(self.filter(self.readable(), filters)).order_by(*self.ordering)

    def referenced_ids(self, pages):
        return set()

    def serialize(self, pages, many):
        items = pages if many else [pages]
        self.last_modified = newest_change(items)
        context = self.get_serializer_context()
        context["readable_ids"] = readable_ids(set().union(*(self.referenced_ids(p) for p in items)), self.reader())
        context.update(self.extra_context(items))
        return self.get_serializer_class()(pages, many=many, context=context).data

    def extra_context(self, pages):
        return {}


class ListEndpoint(PageEndpoint, ListAPIView):
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.serialize(page, many=True))


class DetailEndpoint(PageEndpoint, RetrieveAPIView):
    def retrieve(self, request, *args, **kwargs):
        return Response(self.serialize(self.get_object(), many=False))


# --- Voorbeelden -------------------------------------------------------------------------------


class Voorbeelden:
    model = VoorbeeldPage
    serializer_class = serializers.VoorbeeldSerializer
    ordering = ("-year", "title")

    def filter(self, queryset, filters):
        # The same filter as the voorbeelden page, so ?provincie=utrecht means the same in both.
        params = {k: v for k, v in filters.items() if k != "jaar"}
        queryset = VoorbeeldFilter(queryset, params, self.reader()).results()
        return queryset.filter(year=filters["jaar"]) if "jaar" in filters else queryset

    def optimise(self, queryset):
        return queryset.select_related("gemeente__provincie").prefetch_related("themas", "instrumenten")

    def referenced_ids(self, page):
        return {instrument.pk for instrument in page.instrumenten.all()}


@extend_schema(
    tags=["voorbeelden"],
    parameters=[params.VoorbeeldParams],
    responses={200: serializers.VoorbeeldSerializer, **ERRORS},
)
class VoorbeeldList(Voorbeelden, ListEndpoint):
    """Voorbeelden uit de praktijk, nieuwste eerst, te filteren zoals op de pagina Voorbeelden."""

    params_class = params.VoorbeeldParams


@extend_schema(tags=["voorbeelden"], responses={200: serializers.VoorbeeldSerializer, **ERRORS})
class VoorbeeldDetail(Voorbeelden, DetailEndpoint):
    """Eén voorbeeld."""


# --- Publicaties -------------------------------------------------------------------------------


class Publicaties:
    model = PublicatiePage
    serializer_class = serializers.PublicatieSerializer
    ordering = ("-date", "title")

    def filter(self, queryset, filters):
        if "soort" in filters:
            queryset = queryset.filter(kind=filters["soort"])
        if "thema" in filters:
            queryset = queryset.filter(themas__slug=filters["thema"])
        if "jaar" in filters:
            queryset = queryset.filter(date__year=filters["jaar"])
        return queryset

    def optimise(self, queryset):
        return queryset.prefetch_related("themas")


@extend_schema(
    tags=["publicaties"],
    parameters=[params.PublicatieParams],
    responses={200: serializers.PublicatieSerializer, **ERRORS},
)
class PublicatieList(Publicaties, ListEndpoint):
    """Brieven, rapporten en andere publicaties, nieuwste eerst."""

    params_class = params.PublicatieParams


@extend_schema(tags=["publicaties"], responses={200: serializers.PublicatieSerializer, **ERRORS})
class PublicatieDetail(Publicaties, DetailEndpoint):
    """Eén publicatie."""


# --- Instrumenten ------------------------------------------------------------------------------


class Instrumenten:
    model = InstrumentPage
    serializer_class = serializers.InstrumentSerializer
    ordering = ("kind", "title")

    def filter(self, queryset, filters):
        if "soort" in filters:
            queryset = queryset.filter(kind=filters["soort"])
        if "thema" in filters:
            queryset = queryset.filter(themas__slug=filters["thema"])
        return queryset

    def optimise(self, queryset):
        return queryset.prefetch_related("themas")


@extend_schema(
    tags=["instrumenten"],
    parameters=[params.InstrumentParams],
    responses={200: serializers.InstrumentSerializer, **ERRORS},
)
class InstrumentList(Instrumenten, ListEndpoint):
    """Instrumenten die een gemeente tegen leegstand kan inzetten."""

    params_class = params.InstrumentParams


@extend_schema(tags=["instrumenten"], responses={200: serializers.InstrumentSerializer, **ERRORS})
class InstrumentDetail(Instrumenten, DetailEndpoint):
    """Eén instrument."""


# --- Hoofdstukken ------------------------------------------------------------------------------


class Hoofdstukken:
    model = HoofdstukPage
    serializer_class = serializers.HoofdstukSerializer
    ordering = ("path",)

    def filter(self, queryset, filters):
        if "handreiking" in filters:
            handreiking = readable_pages(HandreikingPage.objects.all(), self.reader()).filter(
                slug=filters["handreiking"]
            )
            queryset = queryset.child_of(handreiking.first())
        return queryset

    def referenced_ids(self, page):
        return referenced_page_ids(page.body)

    def extra_context(self, pages):
        parents = {page.path[: -page.steplen] for page in pages}
        handreikingen = readable_pages(HandreikingPage.objects.filter(path__in=parents), self.reader())
        return {"handreikingen": {h.path: h for h in handreikingen}}


@extend_schema(
    tags=["hoofdstukken"],
    parameters=[params.HoofdstukParams],
    responses={200: serializers.HoofdstukSerializer, **ERRORS},
)
class HoofdstukList(Hoofdstukken, ListEndpoint):
    """Hoofdstukken van de handreikingen, in de volgorde van de inhoudsopgave."""

    params_class = params.HoofdstukParams


@extend_schema(tags=["hoofdstukken"], responses={200: serializers.HoofdstukSerializer, **ERRORS})
class HoofdstukDetail(Hoofdstukken, DetailEndpoint):
    """Eén hoofdstuk, met zijn blokken (secties, tekst, checklists, verwijzingen)."""


# --- Export and index --------------------------------------------------------------------------

CSV_COLUMNS = [
    ("id", lambda v: v["id"]),
    ("titel", lambda v: v["titel"]),
    ("url", lambda v: v["url"]),
    ("gemeente", lambda v: v["gemeente"]["naam"]),
    ("cbs_code", lambda v: v["gemeente"]["cbs_code"]),
    ("provincie", lambda v: v["gemeente"]["provincie"]["naam"]),
    ("vastgoed", lambda v: v["vastgoed"]),
    ("jaar", lambda v: v["jaar"] or ""),
    ("samenvatting", lambda v: v["samenvatting"]),
    ("instrumenten", lambda v: "; ".join(i["titel"] for i in v["instrumenten"])),
    ("themas", lambda v: "; ".join(t["naam"] for t in v["themas"])),
    ("contactpersoon", lambda v: v["contact"]["naam"]),
    ("contact_email", lambda v: v["contact"]["email"]),
    ("locatie", lambda v: v["locatie"]["naam"]),
    ("breedtegraad", lambda v: v["locatie"]["breedtegraad"] or ""),
    ("lengtegraad", lambda v: v["locatie"]["lengtegraad"] or ""),
    ("gepubliceerd", lambda v: v["gepubliceerd"] or ""),
    ("gewijzigd", lambda v: v["gewijzigd"] or ""),
]


def _csv_cell(value):
    """Spreadsheets run cells that start with = + - @ as formulas; open data must not."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


class VoorbeeldExport(Voorbeelden, PageEndpoint):
    """Alle openbare voorbeelden in één bestand: voor iedereen gelijk (wat een bezoeker zonder
    account ziet), ook als u bent ingelogd."""

    same_for_everyone = True
    pagination_class = None
    file_format = "json"

    def reader(self):
        return AnonymousUser()

    def get(self, request, *args, **kwargs):
        rows = self.serialize(list(self.get_queryset()), many=True)
        if self.file_format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow([name for name, _ in CSV_COLUMNS])
            for row in rows:
                writer.writerow([_csv_cell(cell(row)) for _, cell in CSV_COLUMNS])
            # A byte-order mark, so Excel opens the UTF-8 file with the right characters.
            response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        else:
            body = json.dumps({"count": len(rows), "results": rows}, ensure_ascii=False, default=str)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="voorbeelden.{self.file_format}"'
        return response


@extend_schema(
    tags=["export"],
    parameters=[],
    responses={(200, "text/csv"): OpenApiTypes.STR, 429: ERRORS[429]},
    summary="Alle openbare voorbeelden als CSV",
)
class VoorbeeldExportCsv(VoorbeeldExport):
    file_format = "csv"


@extend_schema(
    tags=["export"],
    responses={
        200: inline_serializer(
            "VoorbeeldExport",
            {"count": IntegerField(), "results": serializers.VoorbeeldSerializer(many=True)},
        ),
        429: ERRORS[429],
    },
    summary="Alle openbare voorbeelden als JSON",
)
class VoorbeeldExportJson(VoorbeeldExport):
    file_format = "json"


@extend_schema(exclude=True)
class ApiRoot(OpenDataView):
    """The entry point: where everything is, and where the description lives."""

    same_for_everyone = True

    def get(self, request):
        self.validated_params()
        names = ["voorbeelden", "publicaties", "instrumenten", "hoofdstukken", "export-csv", "export-json", "schema"]
        return Response(
            {
                "versie": "1",
                "documentatie": reverse("open-data:schema", request=request),
                **{name: reverse(f"open-data:{name}", request=request) for name in names},
            }
        )
