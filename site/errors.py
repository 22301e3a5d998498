"""The project's 403 handler: an exception that knows how to explain itself renders its own page
(``render(request)``, e.g. a themagroep's members-only page); any other gets Django's 403.html."""

from django.views import defaults


def permission_denied(request, exception):
    explain = getattr(exception, "render", None)
    if explain is not None:
        return explain(request)
    return defaults.permission_denied(request, exception)
