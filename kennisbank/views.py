"""Non-page views: sitemap, robots.txt, thema listings."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static

from kennisbank.models import HandreikingPage, InstrumentPage, PublicatiePage, Thema, VoorbeeldPage
from kennisbank.sitemap import PublicPagesSitemap
from kennisplatform.access import readable_pages
from kennisplatform.page_cache import anonymous_cacheable
from kennisplatform.public_url import absolute_url


@anonymous_cacheable
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": PublicPagesSitemap(request)})


@anonymous_cacheable
def robots_txt(request):
    """Crawlers may read the public site, not the CMS or account pages; the sitemap says what there is."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /cms/",
        "Disallow: /account/",
        "Disallow: /meldingen/",
        f"Sitemap: {root}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers and crawlers ask /favicon.ico without reading a page's ``<link rel="icon">``.

    Not permanent: the target's name carries a content hash in production."""
    return redirect(static("img/favicon.ico"))


@anonymous_cacheable
def thema_list(request):
    themas = Thema.objects.order_by("name")
    context = {"themas": themas, "breadcrumbs": [("Thema's", "/themas/")], "canonical_url": absolute_url(request.path)}
    return render(request, "kennisbank/thema_list.html", context)


@anonymous_cacheable
def thema_detail(request, slug):
    thema = get_object_or_404(Thema, slug=slug)
    user = request.user
    sections = [
        ("Handreikingen", readable_pages(HandreikingPage.objects.filter(themas=thema), user).order_by("title")),
        ("Instrumenten", readable_pages(InstrumentPage.objects.filter(themas=thema), user).order_by("title")),
        (
            "Voorbeelden",
            readable_pages(VoorbeeldPage.objects.filter(themas=thema), user)
            .select_related("gemeente")
            .order_by("-year", "title")[:50],
        ),
        ("Publicaties", readable_pages(PublicatiePage.objects.filter(themas=thema), user).order_by("-date")[:50]),
    ]
    context = {
        "thema": thema,
        "sections": [(label, list(pages)) for label, pages in sections],
        "breadcrumbs": [("Thema's", "/themas/"), (thema.name, request.path)],
        "canonical_url": absolute_url(request.path),
    }
    return render(request, "kennisbank/thema_detail.html", context)
