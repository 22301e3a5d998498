from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kennisplatform import health, session_expiry

# Wagtail's own login forms would sign in accounts whose e-mail address was never verified:
# every door leads to allauth's login, which refuses them (ACCOUNT_EMAIL_VERIFICATION).
allauth_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("health/", health.health, name="health"),
    path("cms/login/", allauth_login),
    path("_util/login/", allauth_login),
    path("health/ready/", health.health, name="health-ready"),
    path("health/live/", health.live, name="health-live"),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/sessie/verlengen/", session_expiry.extend, name="session_extend"),
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("themagroepen/", include("themagroepen.urls")),
    path("meldingen/", include("themagroepen.notificaties.urls")),
    path("", include("themagroepen.bijeenkomsten.urls")),
    path("api/v1/", include("kennisbank.api.urls")),
    path("dossier/", include("kennisbank.dossiers.urls")),
    path("", include("search.urls")),
    path("", include("kennisbank.urls")),
]

if settings.DEBUG:
    from pathlib import Path

    from django.views.static import serve

    def serve_media(request, path):
        """Development only. Wagtail documents (upload_to "documents") are never served from here:
        only /documenten/ asks access. Resolved first, so ``./`` or ``//`` cannot sneak past."""
        documents = (Path(settings.MEDIA_ROOT) / "documents").resolve()
        if (Path(settings.MEDIA_ROOT) / path).resolve().is_relative_to(documents):
            raise Http404
        return serve(request, path, document_root=settings.MEDIA_ROOT)

    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media))

# Wagtail serves every remaining path from the page tree; it must come last.
urlpatterns.append(path("", include(wagtail_urls)))

handler403 = "kennisplatform.errors.permission_denied"
