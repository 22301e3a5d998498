"""/sitemap.xml: every live page an anonymous visitor may read, and the thema pages."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from kennisplatform.access import readable_pages


class PublicPagesSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        pages = Page.objects.descendant_of(site.root_page, inclusive=True)
        return list(
            readable_pages(pages, AnonymousUser()).order_by("path").only("url_path", "last_published_at", "path")
        )

    def location(self, item):
        return item.get_url(self.request, current_site=None) or item.url

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        # Wagtail already gives absolute URLs; don't let Django prefix the domain again.
        urls = []
        for item in self.paginator.page(page).object_list:
            url = item.get_full_url(self.request)
            if url:
                urls.append(_entry(item, url, self.lastmod(item)))
        if page == 1:
            urls += self._thema_urls()
        return urls

    def _thema_urls(self):
        """The thema overview and every thema (views, not pages: public by design)."""
        from kennisbank.themes import Thema

        site = Site.find_for_request(self.request)
        if site is None:
            return []
        themas = [(None, "/themas/")] + [(thema, thema.get_absolute_url()) for thema in Thema.objects.order_by("name")]
        return [_entry(thema, site.root_url + url) for thema, url in themas]


def _entry(item, location, lastmod=None):
    return {"item": item, "location": location, "lastmod": lastmod, "changefreq": None, "priority": None}
