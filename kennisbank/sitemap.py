"""/sitemap.xml: every live page an anonymous visitor may read, nothing else."""

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
                urls.append(
                    {"item": item, "location": url, "lastmod": self.lastmod(item), "changefreq": None, "priority": None}
                )
        return urls
