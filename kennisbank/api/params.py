"""Query parameters per endpoint, validated before any query runs.

Unknown parameters, malformed values and unknown choices are a 400 with a Dutch message per
parameter, so a typo (``?provinsie=``) never silently returns everything. The filters mean what
they mean on the pages (``kennisbank.filters``).
"""

from rest_framework import serializers

from kennisbank.models import (
    Gemeente,
    HandreikingPage,
    InstrumentKind,
    InstrumentPage,
    PropertyType,
    Provincie,
    Thema,
)
from kennisbank.pages.publicaties import PublicationKind
from kennisplatform.access import readable_pages

INTEGER_ERRORS = {
    "invalid": "Geef een geheel getal.",
    "min_value": "Geef een getal van minimaal {min_value}.",
    "max_value": "Geef een getal van hoogstens {max_value}.",
    "max_string_length": "Dit getal is te lang.",
}


def _choice(choices, label):
    return serializers.ChoiceField(
        choices=choices,
        required=False,
        help_text=label,
        error_messages={
            "invalid_choice": f"Onbekende {label.lower()} “{{input}}”. Kies uit: "
            + ", ".join(str(value) for value, _ in choices)
            + "."
        },
    )


def _slug(help_text):
    return serializers.SlugField(
        required=False,
        max_length=80,
        help_text=help_text,
        error_messages={"invalid": "Geef een slug (kleine letters, cijfers en streepjes).", "max_length": "Te lang."},
    )


class QueryParams(serializers.Serializer):
    pagina = serializers.IntegerField(
        required=False, min_value=1, help_text="Paginanummer, vanaf 1.", error_messages=INTEGER_ERRORS
    )
    per_pagina = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=100,
        help_text="Resultaten per pagina (1–100, standaard 20).",
        error_messages=INTEGER_ERRORS,
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            allowed = ", ".join(self.fields)
            raise serializers.ValidationError(
                {name: [f"Onbekende parameter. Toegestaan zijn: {allowed}."] for name in unknown}
            )
        return attrs

    @staticmethod
    def _exists(queryset, value, message):
        if value and not queryset.filter(slug=value).exists():
            raise serializers.ValidationError(message.format(value=value))
        return value

    def validate_thema(self, value):
        return self._exists(Thema.objects.all(), value, "Onbekend thema “{value}”.")


class VoorbeeldParams(QueryParams):
    provincie = _slug("Slug van de provincie, bijvoorbeeld utrecht.")
    gemeente = _slug("Slug van de gemeente, bijvoorbeeld amersfoort.")
    vastgoed = _choice(PropertyType.choices, "Soort vastgoed")
    instrument = _slug("Slug van een ingezet instrument, bijvoorbeeld kantorenloods.")
    thema = _slug("Slug van een thema.")
    jaar = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        help_text="Jaar van het voorbeeld.",
        error_messages=INTEGER_ERRORS,
    )

    def validate_provincie(self, value):
        return self._exists(Provincie.objects.all(), value, "Onbekende provincie “{value}”.")

    def validate_gemeente(self, value):
        return self._exists(Gemeente.objects.all(), value, "Onbekende gemeente “{value}”.")

    def validate_instrument(self, value):
        # Only instruments this reader may read exist for them: a draft's slug is "unknown" too.
        readable = readable_pages(InstrumentPage.objects.all(), self.user)
        return self._exists(readable, value, "Onbekend instrument “{value}”.")


class PublicatieParams(QueryParams):
    soort = _choice(PublicationKind.choices, "Soort publicatie")
    thema = _slug("Slug van een thema.")
    jaar = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        help_text="Jaar van de publicatie.",
        error_messages=INTEGER_ERRORS,
    )


class InstrumentParams(QueryParams):
    soort = _choice(InstrumentKind.choices, "Soort instrument")
    thema = _slug("Slug van een thema.")


class HoofdstukParams(QueryParams):
    handreiking = _slug("Slug van de handreiking, bijvoorbeeld leegstand-te-lijf.")

    def validate_handreiking(self, value):
        readable = readable_pages(HandreikingPage.objects.all(), self.user)
        return self._exists(readable, value, "Onbekende handreiking “{value}”.")


class DetailParams(QueryParams):
    """A single object takes no parameters at all."""

    pagina = None
    per_pagina = None
