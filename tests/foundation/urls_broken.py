"""A URL whose view finds the database gone (for the 503 and logging tests)."""

from django.db import OperationalError
from django.urls import path


def database_gone(request):
    raise OperationalError("connection refused")


urlpatterns = [path("kapot/", database_gone)]
