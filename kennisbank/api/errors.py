"""Every error of the API as JSON with a Dutch, formal message; never a 500 for bad input."""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from kennisplatform.words import counted


def _message(exc, context) -> str | None:
    if isinstance(exc, exceptions.Throttled):
        if exc.wait:
            wait = counted(int(exc.wait) or 1, "seconde", "seconden")
            return f"U hebt te veel verzoeken gedaan. Probeer het over {wait} opnieuw."
        return "U hebt te veel verzoeken gedaan. Probeer het later opnieuw."
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = context["request"].method
        return f"Deze API is alleen te lezen: de methode {method} is niet toegestaan."
    if isinstance(exc, exceptions.NotAcceptable):
        return "Deze API levert alleen JSON (application/json)."
    if isinstance(exc, exceptions.NotFound) and exc.detail == exceptions.NotFound.default_detail:
        return "Niet gevonden."
    return None


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, exceptions.ValidationError):
        response = drf_exception_handler(exc, context)
        response.data = {"detail": "De parameters van uw verzoek zijn ongeldig.", "fouten": exc.detail}
        response["Cache-Control"] = "no-store"
        return response
    response = drf_exception_handler(exc, context)
    if response is not None:
        message = _message(exc, context)
        if message:
            response.data = {"detail": message}
        response["Cache-Control"] = "no-store"
    return response
