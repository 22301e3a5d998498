from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kennisplatform import health

urlpatterns = [
    path("health/", health.health, name="health"),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
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
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every remaining path from the page tree; it must come last.
urlpatterns.append(path("", include(wagtail_urls)))
