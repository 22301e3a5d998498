"""URLs whose view finds the database gone (for the 503 and logging tests)."""

from django.db import OperationalError, transaction
from django.urls import path

from kennisplatform.aftercommit import after_commit


def database_gone(request):
    raise OperationalError("connection refused")


def gone_after_saving(request):
    with transaction.atomic():  # the member's write commits, with its after-commit work ...
        after_commit(lambda: None, name="test")
    raise OperationalError("server closed the connection unexpectedly")  # ... then the answer fails


urlpatterns = [path("kapot/", database_gone), path("kapot-na-opslaan/", gone_after_saving)]
