"""What the API shows of each page type. Field names are Dutch (the domain's own words);
rich text is HTML with internal links expanded. References to other pages appear only when
the reader may read them (``readable_ids`` in the serializer context)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from kennisbank.blocks import referenced_page_ids
from kennisbank.models import (
    Gemeente,
    HoofdstukPage,
    InstrumentPage,
    Provincie,
    PublicatiePage,
    Thema,
    VoorbeeldPage,
)


@extend_schema_field(OpenApiTypes.STR)
class RichTextField(serializers.Field):
    """Wagtail rich text as HTML."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class ThemaSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")

    class Meta:
        model = Thema
        fields = ["slug", "naam"]


class ProvincieSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")

    class Meta:
        model = Provincie
        fields = ["slug", "naam", "code"]


class GemeenteSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    provincie = ProvincieSerializer()

    class Meta:
        model = Gemeente
        fields = ["slug", "naam", "cbs_code", "provincie"]


class PageSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    url = serializers.SerializerMethodField(help_text="Het adres van de pagina op de site.")
    gepubliceerd = serializers.DateTimeField(source="first_published_at", read_only=True)
    gewijzigd = serializers.DateTimeField(source="last_published_at", read_only=True)

    PAGE_FIELDS = ["id", "titel", "url", "gepubliceerd", "gewijzigd"]

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request"))


class InstrumentRefSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")

    class Meta:
        model = InstrumentPage
        fields = ["id", "slug", "titel", "kind"]
        extra_kwargs = {"kind": {"label": "soort"}}


class ContactSerializer(serializers.Serializer):
    naam = serializers.CharField(source="contact_name")
    functie = serializers.CharField(source="contact_role")
    email = serializers.CharField(
        source="public_contact_email", help_text="Alleen als de contactpersoon daarmee akkoord ging."
    )


class LocatieSerializer(serializers.Serializer):
    naam = serializers.CharField(source="location_name")
    breedtegraad = serializers.DecimalField(source="latitude", max_digits=9, decimal_places=6, allow_null=True)
    lengtegraad = serializers.DecimalField(source="longitude", max_digits=9, decimal_places=6, allow_null=True)


class VoorbeeldSerializer(PageSerializer):
    samenvatting = serializers.CharField(source="summary")
    gemeente = GemeenteSerializer()
    vastgoed = serializers.CharField(source="property_type", help_text="Soort vastgoed.")
    jaar = serializers.IntegerField(source="year", allow_null=True)
    situatie = RichTextField(source="situation")
    aanpak = RichTextField(source="approach")
    resultaat = RichTextField(source="result")
    instrumenten = serializers.SerializerMethodField()
    themas = ThemaSerializer(many=True)
    contact = ContactSerializer(source="*")
    locatie = LocatieSerializer(source="*")

    class Meta:
        model = VoorbeeldPage
        fields = PageSerializer.PAGE_FIELDS + [
            "samenvatting",
            "gemeente",
            "vastgoed",
            "jaar",
            "situatie",
            "aanpak",
            "resultaat",
            "instrumenten",
            "themas",
            "contact",
            "locatie",
        ]

    @extend_schema_field(InstrumentRefSerializer(many=True))
    def get_instrumenten(self, page):
        visible = self.context["readable_ids"]
        return InstrumentRefSerializer([i for i in page.instrumenten.all() if i.pk in visible], many=True).data


class PublicatieSerializer(PageSerializer):
    datum = serializers.DateField(source="date")
    soort = serializers.CharField(source="kind")
    afzender = serializers.CharField(source="sender")
    soort_afzender = serializers.CharField(source="sender_kind")
    kenmerk = serializers.CharField(source="reference")
    samenvatting = serializers.CharField(source="summary")
    toelichting = RichTextField(source="body")
    themas = ThemaSerializer(many=True)

    class Meta:
        model = PublicatiePage
        fields = PageSerializer.PAGE_FIELDS + [
            "datum",
            "soort",
            "afzender",
            "soort_afzender",
            "kenmerk",
            "samenvatting",
            "toelichting",
            "themas",
        ]


class InstrumentSerializer(PageSerializer):
    soort = serializers.CharField(source="kind")
    samenvatting = serializers.CharField(source="summary")
    wat_het_doet = RichTextField(source="what_it_does")
    wanneer_inzetten = RichTextField(source="when_to_use")
    themas = ThemaSerializer(many=True)

    class Meta:
        model = InstrumentPage
        fields = PageSerializer.PAGE_FIELDS + ["soort", "samenvatting", "wat_het_doet", "wanneer_inzetten", "themas"]


class BlockSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="sectie, tekst, checklist, tip, citaat, instrument, voorbeelden, …")
    id = serializers.CharField()
    waarde = serializers.JSONField()


class HoofdstukSerializer(PageSerializer):
    samenvatting = serializers.CharField(source="summary")
    handreiking = serializers.SerializerMethodField()
    inhoud = serializers.SerializerMethodField(help_text="De blokken van het hoofdstuk, in volgorde.")

    class Meta:
        model = HoofdstukPage
        fields = PageSerializer.PAGE_FIELDS + ["samenvatting", "handreiking", "inhoud"]

    @extend_schema_field({"type": "object", "properties": {"id": {"type": "integer"}, "titel": {"type": "string"}}})
    def get_handreiking(self, page):
        parent = self.context["handreikingen"].get(page.path[: -page.steplen])
        return {"id": parent.pk, "titel": parent.title} if parent else None

    @extend_schema_field(BlockSerializer(many=True))
    def get_inhoud(self, page):
        visible = self.context["readable_ids"]
        hidden = referenced_page_ids(page.body) - visible
        blocks = []
        for block in page.body:
            value = block.block.get_api_representation(block.value, self.context)
            # A reference to a draft or closed page is left out (instrument) or thinned (cases).
            if block.block_type == "instrument" and value.get("instrument") in hidden:
                continue
            if block.block_type == "cases":
                value["cases"] = [case for case in value.get("cases", []) if case not in hidden]
            blocks.append({"type": block.block_type, "id": block.id, "waarde": value})
        return blocks
